import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { compactRecord } from '../standards/record-errors';
import type { RecordError } from '../standards/standard-types';
import { problemsFromSubmitError, viewProblems, type ProblemView } from './resource-problems';
import type { ResourceDetail } from './resource-types';
import { resourceKey, saveMetadata, saveMetadataOnExit, storeResource, useSubmitResource } from './resources-api';

export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';
export type Record_ = Record<string, unknown>;

const compact = (value: Record_): Record_ => (compactRecord(value) as Record_ | undefined) ?? {};

export interface ResourceDraft {
  value: Record_;
  onChange: (next: Record_) => void;
  saveState: SaveState;
  saveError: string | null;
  lastSavedAt: Date | null;
  problems: ProblemView;
  /** The problems of the last refused submission (for the list above the form), else null. */
  refused: RecordError[] | null;
  submit: () => Promise<'submitted' | 'invalid' | 'failed'>;
  submitting: boolean;
  submitError: string | null;
}

/**
 * The description being edited: autosaved ~1.5 s after the last change (blank inputs are left out),
 * problems as the server last reported them, and submission, which saves first.
 */
export function useResourceDraft(resource: ResourceDetail, csrfToken: string): ResourceDraft {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const submitMutation = useSubmitResource();
  const [value, setValue] = useState<Record_>(resource.metadata);
  const [saved, setSaved] = useState<Record_>(() => compact(resource.metadata));
  const [problems, setProblems] = useState<RecordError[]>(resource.problems);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [refused, setRefused] = useState<RecordError[] | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const latest = useRef(value);
  const savedJson = useRef(JSON.stringify(compact(resource.metadata)));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const editable = resource.editable;
  const id = resource.id;

  /** Saves what is on screen if it differs from what the server has; resolves false when saving failed. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const record = compact(latest.current);
      const json = JSON.stringify(record);
      if (json === savedJson.current) {
        setSaveState('saved');
        return true;
      }
      setSaveState('saving');
      try {
        const detail = await saveMetadata(id, record);
        savedJson.current = json;
        setSaved(record);
        setProblems(detail.problems);
        // After a refused submission the list above the form follows the server's latest verdict.
        setRefused((previous) => (previous ? detail.problems : previous));
        setLastSavedAt(new Date());
        setSaveError(null);
        void storeResource(queryClient, detail);
        setSaveState(JSON.stringify(compact(latest.current)) === json ? 'saved' : 'pending');
        return true;
      } catch (error) {
        setSaveState('error');
        setSaveError(error instanceof Error ? error.message : String(error));
        // Submitted meanwhile (another tab): the page shows the resource as it now is.
        if (error instanceof ApiError && error.code === 'resource.not_editable') void queryClient.invalidateQueries({ queryKey: resourceKey(id) });
        return false;
      }
    });
    return chain.current;
  }, [id, queryClient]);

  const onChange = useCallback(
    (next: Record_) => {
      latest.current = next;
      setValue(next);
      if (!editable) return;
      if (JSON.stringify(compact(next)) === savedJson.current) return;
      setSaveState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [editable, flush],
  );

  // Leaving the page (or closing the tab) with a change not yet saved: send it on the way out.
  useEffect(() => {
    const onHide = () => {
      const record = compact(latest.current);
      if (editable && JSON.stringify(record) !== savedJson.current) saveMetadataOnExit(id, record, csrfToken);
    };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      clearTimeout(timer.current);
      onHide();
    };
  }, [id, editable, csrfToken]);

  // Messages come in the language of the request: ask again when the language changes.
  const language = useRef(i18n.language);
  useEffect(() => {
    if (language.current === i18n.language) return;
    language.current = i18n.language;
    void queryClient.fetchQuery({ queryKey: resourceKey(id), staleTime: 0 }).then((detail) => {
      const fresh = (detail as ResourceDetail).problems;
      setProblems(fresh);
      setRefused((previous) => (previous ? fresh : previous));
    });
  }, [i18n.language, id, queryClient]);

  const submit = useCallback(async () => {
    setSubmitError(null);
    if (!(await flush())) return 'failed' as const;
    try {
      const detail = await submitMutation.mutateAsync(id);
      setProblems(detail.problems);
      setRefused(null);
      return 'submitted' as const;
    } catch (error) {
      const fieldProblems = problemsFromSubmitError(error);
      if (fieldProblems) {
        setProblems(fieldProblems);
        setRefused(fieldProblems);
        return 'invalid' as const;
      }
      setSubmitError(error instanceof Error ? error.message : String(error));
      return 'failed' as const;
    }
  }, [flush, id, submitMutation]);

  return {
    value,
    onChange,
    saveState,
    saveError,
    lastSavedAt,
    problems: viewProblems(problems, { saved, current: compact(value), revealMissing: refused !== null }),
    refused: refused ? viewProblems(refused, { saved, current: compact(value), revealMissing: true }).onFields : null,
    submit,
    submitting: submitMutation.isPending,
    submitError,
  };
}
