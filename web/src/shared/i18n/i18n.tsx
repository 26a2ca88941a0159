import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** The languages of the UI: Vietnamese first, English for visitors and foreign residents. */
export type Lang = 'vi' | 'en';

/** A feature's messages: Vietnamese is the source, English must name the same keys. */
export interface Messages<K extends string> {
  readonly vi: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Declares a feature's messages; the types make a missing English message an error. */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

/** Fills `{name}` placeholders. */
export type Translate<K extends string> = (
  key: K,
  values?: Readonly<Record<string, string | number>>,
) => string;

const STORAGE_KEY = 'motcua.lang';

interface LangContext {
  readonly lang: Lang;
  setLang(lang: Lang): void;
}

const Context = createContext<LangContext>({ lang: 'vi', setLang: () => {} });

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Holds the chosen language; the document's `lang` follows it (screen readers, hyphenation). */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLang(): LangContext {
  return useContext(Context);
}

/** The translate function for a feature's messages in the chosen language. */
export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const { lang } = useLang();
  return useCallback(
    (key: K, values?: Readonly<Record<string, string | number>>) => {
      const text = messages[lang][key] ?? messages.vi[key] ?? key;
      return values
        ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
        : text;
    },
    [messages, lang],
  );
}
