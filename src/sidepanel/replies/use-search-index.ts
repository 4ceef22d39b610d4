import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Template } from '../../shared/db/types';
import { TemplateSearch } from '../../shared/domain/search/template-search';

/**
 * The search index of the current library. Built once per library change, right after the list
 * has painted (building it takes tens of milliseconds at 10 000 replies and the unfiltered list
 * does not need it); a search typed before then builds it on the spot.
 */
export function useSearchIndex(templates: readonly Template[] | undefined): () => TemplateSearch<Template> {
  const built = useRef<{ source: readonly Template[]; index: TemplateSearch<Template> } | null>(null);
  const get = useMemo(
    () => () => {
      const source = templates ?? [];
      if (built.current?.source !== source) built.current = { source, index: new TemplateSearch(source) };
      return built.current.index;
    },
    [templates],
  );
  useEffect(() => {
    if (!templates) return;
    const handle = setTimeout(get, 50);
    return () => clearTimeout(handle);
  }, [get]);
  return get;
}
