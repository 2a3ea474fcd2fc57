import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgKindName } from '../../../../common/roles';
import { localName } from '../../components/format';
import { buildOrgTree, type OrgNode } from './org-tree';
import { useOrgs, type Org } from './orgs-api';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  selectable?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: OrgNode[], language: string, isAllowed: (org: Org) => boolean, exclude: Set<string>): TreeOption[] {
  return nodes
    .filter((node) => !exclude.has(node.id))
    .map((node) => {
      const allowed = isAllowed(node);
      return {
        value: node.id,
        title: localName(node, language),
        // Keep a disallowed parent visible (greyed) so the allowed items below it stay in context.
        disabled: !allowed,
        children: node.children ? toOptions(node.children, language, isAllowed, exclude) : undefined,
      };
    });
}

export interface OrgSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Only organisations of these kinds can be picked. */
  kinds?: readonly OrgKindName[];
  /** Organisations (and their subtrees) left out, e.g. an organisation and its descendants as its own parent. */
  exclude?: Set<string>;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** Picks one visible organisation from the tree, optionally limited to some kinds. */
export function OrgSelect({ value, onChange, kinds, exclude, placeholder, allowClear = true, style, id, ...rest }: OrgSelectProps) {
  const { t, i18n } = useTranslation();
  const { data: orgs = [], isLoading } = useOrgs();
  const treeData = useMemo(() => {
    const allowed = (org: Org) => !kinds || kinds.includes(org.kind);
    return toOptions(buildOrgTree(orgs), i18n.language, allowed, exclude ?? new Set());
  }, [orgs, kinds, exclude, i18n.language]);
  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(next) => onChange?.((next as string | undefined) ?? null)}
      treeData={treeData}
      loading={isLoading}
      placeholder={placeholder ?? t('orgs.selectPlaceholder')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
