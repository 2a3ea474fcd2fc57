import { Segmented } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '../i18n';
import { ME_KEY, saveLocale } from '../features/auth/auth-api';
import type { Me } from '../features/auth/auth-types';

const OPTIONS: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** 中文 / English; the choice is kept on this browser and, when logged in, on the account. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  useTranslation(); // re-render when the language changes
  const queryClient = useQueryClient();
  const onChange = async (language: Language) => {
    await changeLanguage(language);
    const me = queryClient.getQueryData<Me | null>(ME_KEY);
    if (me) await saveLocale(queryClient, language).catch(() => undefined);
  };
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size={size}
      value={currentLanguage()}
      options={OPTIONS}
      onChange={(value) => void onChange(value)}
    />
  );
}
