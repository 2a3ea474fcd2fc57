import type { ResourceType } from '../modules/standards/standard-document';

/** One released demo resource: where it comes from, what it is, how it is shared. */
export interface CatalogueEntry {
  subject: string;
  type: ResourceType;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  keywords: string[];
  sharingMode: 'open' | 'registered' | 'application' | 'embargo' | 'offline' | 'restricted';
}

const e = (subject: string, type: ResourceType, titleZh: string, titleEn: string, descriptionZh: string, keywords: string[], sharingMode: CatalogueEntry['sharingMode']): CatalogueEntry =>
  ({ subject, type, titleZh, titleEn, descriptionZh, keywords, sharingMode });

/**
 * About sixty released resources across both platforms and all six types, in every sharing mode, so
 * the portal has facets, counts and landing pages on first start. Some descriptions use the word 汇交;
 * one holds 碳汇 and 交易 side by side, which a search for 汇交 must not find.
 */
export const CATALOGUE: CatalogueEntry[] = [
  e('2021YFC2501004', 'data', '西南地区多民族自然人群队列基线数据集', 'Baseline data of the multi-ethnic population cohort in Southwest China', '按照人口健康领域汇交标准规范整理的四川、云南、贵州三省区 9.8 万名多民族成人基线调查数据，含问卷、体检与实验室检测指标。', ['多民族', '自然人群队列', '基线调查'], 'open'),
  e('2021YFC2501004', 'data', '多民族队列膳食与生活方式调查数据', 'Diet and lifestyle survey of the multi-ethnic cohort', '覆盖藏族、彝族、苗族等 12 个民族的膳食频率问卷与身体活动数据，已去标识化处理。', ['膳食调查', '生活方式', '民族健康'], 'registered'),
  e('2021YFC2501004', 'report', '西南多民族队列建设年度研究报告（2023）', 'Annual report of the Southwest multi-ethnic cohort (2023)', '总结队列招募、随访质量控制与数据汇交进展，提出下一年度随访计划。', ['年度报告', '队列建设'], 'open'),
  e('2021YFC2502001', 'data', '高血压患者心脑血管事件随访数据集', 'Follow-up data of cardio-cerebrovascular events in hypertensive patients', '纳入 2.3 万例高血压患者，随访 5 年记录卒中、心肌梗死等终点事件与用药情况。', ['高血压', '心脑血管事件', '随访'], 'application'),
  e('2021YFC2502001', 'publication', '中国高血压人群心脑血管事件风险预测模型的建立与验证', 'Development and validation of a cardio-cerebrovascular risk model for Chinese hypertensive patients', '基于前瞻性队列建立并外部验证十年风险预测模型，C 统计量 0.78。', ['风险预测', '高血压', '模型验证'], 'open'),
  e('2021YFC2502001', 'patent_standard', '一种基于多源数据的心血管风险评估方法', 'A cardiovascular risk assessment method based on multi-source data', '发明专利，融合电子病历、可穿戴设备与问卷数据进行个体化风险评估。', ['发明专利', '风险评估'], 'offline'),
  e('2021YFC2502002', 'data', '脑卒中院前急救时间节点数据集', 'Pre-hospital stroke care time-point dataset', '记录 120 急救网络中 8,600 例疑似卒中患者从呼救到溶栓的各时间节点。', ['脑卒中', '院前急救', '时间窗'], 'embargo'),
  e('2021YFC2502002', 'report', '脑卒中早期识别培训效果评估报告', 'Evaluation of early stroke recognition training', '评估社区医生 FAST 识别培训对院前延误的影响。', ['脑卒中', '培训评估'], 'registered'),
  e('2021YFC2502002', 'instrument', '便携式脑卒中快速筛查超声系统', 'Portable ultrasound system for rapid stroke screening', '安装于移动卒中单元的便携式经颅多普勒超声设备，可预约共享使用。', ['超声', '移动卒中单元', '共享仪器'], 'offline'),
  e('2021YFC2502003', 'data', '冠心病介入治疗真实世界登记数据', 'Real-world registry of coronary intervention', '多中心 PCI 登记研究的手术、器械与一年随访数据，已按汇交要求完成质控。', ['冠心病', 'PCI', '真实世界研究'], 'application'),
  e('2021YFC2502003', 'publication', '药物洗脱支架在老年冠心病患者中的长期安全性', 'Long-term safety of drug-eluting stents in elderly patients', '基于登记数据分析 75 岁以上患者三年主要不良心血管事件。', ['药物洗脱支架', '老年', '安全性'], 'open'),
  e('2021YFC2502003', 'publication', '冠脉介入术后双联抗血小板治疗时长的真实世界比较', 'Duration of dual antiplatelet therapy after PCI in the real world', '比较 6 个月与 12 个月双联抗血小板治疗的出血与缺血风险。', ['抗血小板', '出血风险'], 'open'),
  e('2021YFC2502003', 'patent_standard', '经皮冠状动脉介入治疗数据元标准', 'Data element standard for percutaneous coronary intervention', '团体标准，规定 PCI 登记研究的数据元、值域与汇交格式。', ['数据元', '团体标准', '汇交格式'], 'open'),
  e('2021YFC2503001', 'data', '社区慢阻肺筛查问卷与肺功能数据', 'Community COPD screening questionnaires and spirometry', '四川 30 个社区 1.5 万人 COPD-SQ 问卷与肺功能检测结果。', ['慢阻肺', '肺功能', '社区筛查'], 'open'),
  e('2021YFC2503001', 'physical', '慢阻肺筛查人群痰液样本', 'Sputum samples of the COPD screening population', '保存于 -80℃ 的诱导痰样本 3,200 份，可申请用于微生物组研究。', ['痰液样本', '生物样本'], 'application'),
  e('2021YFC2503001', 'report', '慢性阻塞性肺疾病社区筛查实施报告', 'Implementation report of community COPD screening', '描述筛查流程、阳性率及转诊随访情况。', ['筛查', '实施报告'], 'open'),
  e('2021YFC2503002', 'instrument', '医用肺功能检测仪（体描箱）', 'Body plethysmograph for lung function testing', '大型仪器设备，位于北京协和医院呼吸科，对外提供预约共享服务。', ['肺功能', '体描箱', '大型仪器'], 'offline'),
  e('2021YFC2503002', 'data', '肺功能检测数据标准化样例数据集', 'Sample dataset of standardised lung function tests', '依据 ATS/ERS 标准与平台汇交规范转换的肺功能检测样例数据。', ['肺功能', '数据标准化'], 'open'),
  e('2021YFC2503002', 'patent_standard', '肺功能检测数据交换格式规范', 'Exchange format for lung function test data', '行业标准草案，规定肺功能检测结果的数据交换格式。', ['数据交换', '行业标准'], 'registered'),
  e('2021YFC2501003', 'data', '慢性病队列全基因组关联分析汇总统计数据', 'GWAS summary statistics of the chronic disease cohort', '汇交 2 型糖尿病与高血压的 GWAS 汇总统计量，不含个体基因型。', ['全基因组关联分析', '汇总统计'], 'open'),
  e('2021YFC2501003', 'data', '慢性病队列个体基因型数据', 'Individual genotypes of the chronic disease cohort', '涉及人类遗传资源的个体基因型数据，仅限授权机构使用。', ['基因型', '人类遗传资源'], 'restricted'),
  e('2021YFC2501003', 'data', '慢性病队列糖尿病并发症随访数据集', 'Diabetes complication follow-up data of the chronic disease cohort', '记录队列中 3,100 名 2 型糖尿病患者视网膜病变、肾病与周围神经病变的随访检查结果，经去标识化处理后按申请共享。', ['糖尿病', '并发症', '随访'], 'application'),
  e('2021YFC2501002', 'report', '队列生物样本库质量控制年度报告', 'Annual quality report of the cohort biobank', '样本采集、运输、存储各环节质控指标与改进措施。', ['生物样本库', '质量控制'], 'open'),
  e('2021YFC2501002', 'physical', '慢性病队列血清样本（第一批）', 'Serum samples of the chronic disease cohort (batch 1)', '已入库血清样本 2,400 管，附样本信息表，可申请合作使用。', ['血清', '生物样本库'], 'offline'),
  e('2021YFC2501001', 'publication', '浙江省成人慢性病危险因素流行特征', 'Prevalence of chronic disease risk factors among adults in Zhejiang', '基于队列基线数据描述吸烟、饮酒、肥胖等危险因素的地区差异。', ['危险因素', '流行病学'], 'open'),
  e('2021YFC2501001', 'publication', '科技计划资源汇交实践：以慢性病队列为例', 'Resource collection in practice: a chronic disease cohort', '介绍课题从汇交计划编制、元数据描述到平台审核发布的完整实践经验。', ['汇交', '数据共享', '科研数据管理'], 'open'),
  e('2022YFD1901001', 'data', '黑土地耕层结构长期定位监测数据（2019—2023）', 'Long-term monitoring of black-soil tilth structure (2019–2023)', '东北 6 个定位站耕层容重、团聚体与有机质年度监测数据。', ['黑土地', '耕层结构', '定位监测'], 'open'),
  e('2022YFD1901001', 'data', '黑土区土壤剖面理化性质数据集', 'Soil profile properties in the black-soil region', '120 个典型剖面分层理化性质，按农业领域汇交标准描述。', ['土壤剖面', '理化性质'], 'registered'),
  e('2022YFD1901001', 'report', '黑土地保护性耕作技术效果评估报告', 'Evaluation of conservation tillage on black soil', '比较免耕、深松与常规耕作对土壤与产量的影响。', ['保护性耕作', '效果评估'], 'open'),
  e('2022YFD1901001', 'physical', '黑土区典型土壤标本', 'Typical soil specimens from the black-soil region', '整段土壤标本 24 件，保存于中国农业科学院土壤标本馆。', ['土壤标本', '整段标本'], 'offline'),
  e('2022YFD1901002', 'data', '秸秆还田对黑土有机质影响田间试验数据', 'Field trial data of straw return on black-soil organic matter', '四年田间试验的土壤有机碳、氮素与作物产量数据。', ['秸秆还田', '有机质', '田间试验'], 'application'),
  e('2022YFD1901002', 'publication', '秸秆还田方式对黑土有机碳组分的影响', 'Effects of straw return methods on organic carbon fractions of black soil', '分析翻埋、覆盖与粉碎还田对活性有机碳组分的影响。', ['有机碳', '秸秆'], 'open'),
  e('2022YFD1901002', 'patent_standard', '一种秸秆深翻还田联合作业机具', 'A combined machine for deep ploughing straw return', '实用新型专利，实现秸秆粉碎与深翻一次完成。', ['农机具', '实用新型'], 'offline'),
  e('2022YFD1901003', 'data', '黑土侵蚀沟分布与治理效果数据集', 'Gully distribution and control effects in the black-soil region', '基于无人机与遥感解译的侵蚀沟分布及治理前后对比数据。', ['侵蚀沟', '遥感', '水土保持'], 'embargo'),
  e('2022YFD1901003', 'report', '黑土碳汇交易潜力评估报告', 'Assessment of carbon-sink trading potential of black soil', '评估黑土固碳潜力与参与碳汇交易市场的可行路径。', ['碳汇', '交易', '固碳'], 'open'),
  e('2022YFD1901003', 'instrument', '土壤碳通量自动观测系统', 'Automated soil carbon flux observation system', '布设于海伦站的土壤呼吸自动观测系统，可申请共享观测时段。', ['碳通量', '自动观测'], 'offline'),
  e('2022YFD1902001', 'data', '玉米大豆轮作系统养分循环观测数据', 'Nutrient cycling in maize–soybean rotation', '轮作与连作对照的氮磷钾平衡与根系生物量数据。', ['轮作', '养分循环'], 'open'),
  e('2022YFD1902001', 'publication', '玉米大豆轮作对土壤微生物群落的影响', 'Effects of maize–soybean rotation on soil microbial communities', '16S 与 ITS 测序揭示轮作提高了有益菌丰度。', ['土壤微生物', '轮作'], 'open'),
  e('2022YFD1902001', 'report', '东北玉米大豆轮作技术模式汇编', 'Compendium of maize–soybean rotation practices in Northeast China', '汇编 8 种轮作技术模式的适用区域与操作要点。', ['技术模式', '轮作'], 'registered'),
  e('2022YFD1902002', 'data', '轮作模式下主要病虫害发生规律监测数据', 'Pest and disease monitoring under crop rotation', '三年系统调查大豆胞囊线虫、玉米螟等发生动态。', ['病虫害', '监测'], 'application'),
  e('2022YFD1902002', 'patent_standard', '大豆胞囊线虫绿色防控技术规程', 'Green control of soybean cyst nematode: technical code', '地方标准，规定轮作、抗病品种与生物防治的组合措施。', ['绿色防控', '地方标准'], 'open'),
  e('2022YFD1902002', 'instrument', '田间病虫害智能监测站', 'Intelligent field pest monitoring station', '集成虫情测报灯与孢子捕捉仪的智能监测设备。', ['智能监测', '虫情测报'], 'offline'),
  e('2022YFD1903001', 'data', '水稻种质资源抗逆性状鉴定数据', 'Stress-tolerance traits of rice germplasm', '1,200 份水稻种质耐盐、耐旱、耐冷性状的多年多点鉴定数据。', ['水稻', '种质资源', '抗逆性'], 'open'),
  e('2022YFD1903001', 'physical', '耐盐水稻核心种质', 'Salt-tolerant rice core germplasm', '经鉴定的耐盐核心种质 86 份，已入国家农作物种质资源库。', ['种质资源', '耐盐', '核心种质'], 'application'),
  e('2022YFD1903001', 'publication', '水稻种质资源耐盐性全基因组关联分析', 'GWAS of salt tolerance in rice germplasm', '定位 17 个耐盐相关位点并鉴定候选基因。', ['耐盐', '关联分析'], 'open'),
  e('2022YFD1903002', 'data', '小麦种质资源表型组高通量数据', 'High-throughput phenomics of wheat germplasm', '无人机与表型平台采集的 800 份小麦种质株高、冠层温度等时序数据。', ['小麦', '表型组', '高通量'], 'registered'),
  e('2022YFD1903002', 'instrument', '田间高通量作物表型平台', 'Field high-throughput crop phenotyping platform', '轨道式田间表型平台，配备多光谱与激光雷达传感器。', ['表型平台', '大型仪器'], 'offline'),
  e('2022YFD1903002', 'report', '小麦种质资源表型鉴定年度报告', 'Annual report on wheat germplasm phenotyping', '报告表型鉴定规模、质量评价与数据汇交情况。', ['表型鉴定', '年度报告'], 'open'),
  e('2022YFD1903003', 'data', '玉米自交系基因组重测序变异数据', 'Resequencing variants of maize inbred lines', '350 份自交系 20× 重测序的 SNP 与 InDel 变异集合。', ['玉米', '重测序', '基因组变异'], 'embargo'),
  e('2022YFD1903003', 'publication', '玉米自交系群体结构与驯化选择信号', 'Population structure and selection signals of maize inbred lines', '揭示中国玉米自交系的群体结构与育种选择印记。', ['群体结构', '选择信号'], 'open'),
  e('2022YFD1903003', 'patent_standard', '玉米品种 SNP 指纹鉴定技术规范', 'SNP fingerprinting of maize varieties: technical specification', '行业标准，规定玉米品种真实性鉴定的 SNP 位点与判定方法。', ['SNP 指纹', '品种鉴定'], 'open'),
  e('2022YFD1903004', 'physical', '特色作物地方品种种子', 'Seeds of specialty crop landraces', '收集的荞麦、藜麦等特色作物地方品种种子 430 份。', ['地方品种', '特色作物', '种子'], 'offline'),
  e('2022YFD1903004', 'data', '特色作物种质资源收集与保存信息', 'Collection and conservation records of specialty crop germplasm', '种质采集地、生境、繁种与保存状态信息，按汇交标准著录。', ['种质收集', '保存'], 'open'),
  e('2022YFD1903004', 'report', '特色作物种质资源普查与收集报告', 'Survey and collection report of specialty crop germplasm', '总结西南山区特色作物资源普查与抢救性收集成果。', ['资源普查', '抢救性收集'], 'registered'),
  e('2022YFD1902001', 'data', '轮作区农户种植决策调查数据', 'Farmer planting decision survey in rotation areas', '黑龙江、吉林 1,100 户农户种植结构与补贴政策响应调查。', ['农户调查', '种植决策'], 'restricted'),
  e('2021YFC2502001', 'report', '高血压患者管理路径优化研究报告', 'Optimising management pathways for hypertensive patients', '评估基层医疗机构高血压管理路径与达标率。', ['高血压管理', '基层医疗'], 'open'),
  e('2021YFC2501004', 'physical', '多民族队列全血 DNA 样本', 'Whole-blood DNA of the multi-ethnic cohort', '已提取全血 DNA 5,600 份，符合人类遗传资源管理要求。', ['DNA 样本', '人类遗传资源'], 'application'),
  e('2021YFC2501004', 'publication', '西南地区多民族人群代谢综合征患病率', 'Prevalence of metabolic syndrome among ethnic groups in Southwest China', '比较 12 个民族代谢综合征患病率及其影响因素。', ['代谢综合征', '患病率'], 'open'),
  e('2022YFD1901001', 'publication', '黑土地耕层退化机制与修复路径', 'Degradation mechanisms and restoration of black-soil tilth', '综述黑土耕层变薄、变瘦、变硬的机制与修复技术。', ['耕层退化', '修复'], 'open'),
  e('2022YFD1903001', 'report', '水稻种质资源汇交与共享服务报告', 'Report on collecting and sharing rice germplasm', '统计种质资源汇交入库、分发利用与服务成效。', ['汇交', '共享服务', '种质资源'], 'open'),
  e('2021YFC2503001', 'publication', '社区慢阻肺筛查问卷在西南地区的适用性评价', 'Applicability of the COPD screening questionnaire in Southwest China', '评价 COPD-SQ 在不同海拔与民族人群中的诊断准确性。', ['问卷评价', '诊断准确性'], 'open'),
];
