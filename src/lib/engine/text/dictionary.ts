/**
 * The default topic dictionary: what a Japanese or English customer-success team files comments
 * under. Keywords are matched against normalised text (normalise.ts: NFKC, lower case, サーバー ≡
 * サーバ), so they are written in lower case and without a final ー on katakana words.
 *
 * A keyword is a plain word or a small regex fragment. Japanese keywords match as substrings
 * (サポート inside カスタマーサポート and サポートチーム is wanted); keywords written only in ASCII
 * get word boundaries when compiled (topics.ts), so `ui` does not match "build" and `slow(er)?`
 * does not match "slowdown…" by accident.
 *
 * Substring traps are guarded in the keyword itself, not with a separate exception list, so the
 * editor's "comments per keyword" count shows exactly what each keyword catches:
 *   安 in 安定/安心/不安 — price keywords need an inflection: 安(い|く|かっ|けれ…);
 *   高 in 最高, 満足度が高い — 高い counts as price only when no non-price noun comes right before;
 *   早 in 早速 — speed words need an inflection: 早(い|く|かっ…);
 *   使い in 使い勝手 — usability lists 使い勝手 and 使い(やす|にく|づら) but never bare 使い;
 *   ダウン in ダウンロード, 落ち in 落ち着く, コスト in 学習コスト, ロード in ロードマップ.
 * Speed words (遅い, 早い, slow, quick) are performance only when no support or set-up word is
 * near: 「サポートの返信が遅い」 is about support, 「導入が早い」 about onboarding.
 */

export interface Topic {
  id: string;
  label: { ja: string; en: string };
  /** Japanese stems and English words; a keyword may be a small regex fragment like '遅(い|く|かっ|さ)'. */
  keywords: string[];
  /** How soon it could be fixed, as the user judged it on "what to fix first" (never set by default). */
  feasibility?: 'short' | 'long';
}

/** Words that make a nearby speed word describe people or set-up rather than the software. */
const NOT_SOFTWARE_JA = '(?:サポート|問い?合わ?せ|問合せ|返信|返事|返答|回答|対応|担当|連絡|窓口|導入|設定|解決|復旧|立ち?上げ|改善|修正|納品|見積)';
const NOT_SOFTWARE_EN_BEFORE = '\\b(?:support\\w*|service|team|staff|agents?|reps?|csm?|repl(?:y|ies|ied)|answer(?:s|ed)?|tickets?|setup|set up|onboarding|implementation|fix(?:es|ed)?|resolv\\w*|solv\\w*)\\b';
const NOT_SOFTWARE_EN_AFTER = '\\b(?:support|service|team|staff|agents?|reps?|repl\\w*|answer\\w*|respon\\w*|setup|set up|onboard\\w*|fix\\w*|resolution|resolv\\w*|solv\\w*|help)\\b';

/**
 * A Japanese speed word that is performance unless a support / set-up word stands within a few
 * characters before or after it in the same clause (lookbehind is bounded to stay cheap).
 */
function speedJa(stem: string): string {
  return `${stem}(?<!${NOT_SOFTWARE_JA}[^。!?、]{0,8}${stem})(?![^。!?、]{0,6}${NOT_SOFTWARE_JA})`;
}

/** The same for an English speed word (support / set-up words within a few words around it). */
function speedEn(word: string): string {
  return `${word}(?<!${NOT_SOFTWARE_EN_BEFORE}[^.!?;]{0,30}${word})(?![^.!?;]{0,20}${NOT_SOFTWARE_EN_AFTER})`;
}

/** Nouns after which 高い / 低い describe a quality, not a price (満足度が高い, 精度が高い). */
const QUALITY_NOUN = '(?:度|性|質|率|値|準|力|ル|感|果|気|ィ|評価|満足|期待|意識|品|頻)';

export const DEFAULT_TOPICS: Topic[] = [
  {
    id: 'features',
    label: { ja: '機能', en: 'Features' },
    keywords: [
      '機能', 'カスタマイズ', 'できること',
      'features?', 'functionalit(y|ies)', 'capabilit(y|ies)',
      'customi[sz](e|able|ation)',
    ],
  },
  {
    id: 'support',
    label: { ja: 'サポート', en: 'Support' },
    keywords: [
      'サポート', '問い?合わ?せ', '窓口', 'ヘルプデスク', 'カスタマーサクセス', 'カスタマーサービス',
      '担当者', '担当の方', 'ご担当', '担当さん', 'cs担当', '返信', '返答', '対応(?<=[ごのな]対応)', '電話対応',
      'support(?! for)(?!ed\\b)', 'customer (service|success|care)', 'help ?desk', 'service desk', 'csm',
      'account manager', 'tickets?', 'agents?', 'repl(y|ies|ied)', 'responded', 'response times?',
    ],
  },
  {
    id: 'price',
    label: { ja: '価格', en: 'Price' },
    keywords: [
      '価格', '料金', '値段', '費用', '(?<!学習)コスト', 'コスパ', '費用対効果', '値上げ', '値上がり', '値下げ', '値引き',
      '割引', '割高', '割安', '高額', '高価', '月額', '年額', '単価', '課金', '請求', '支払', '予算', '見積',
      '有料', '無料', 'お得', 'リーズナブル', '安(い|く|かっ|けれ|すぎ|め|価)',
      `(?<![最割])(?<!(?:${QUALITY_NOUN}|学習コスト)[がはも]?(?:とても|非常に|かなり|すごく)?)高(い|く|かっ|けれ|すぎ|め)`,
      'price[sdy]?', 'pricing', 'costs?', 'costly', 'expensive', 'overpriced', 'pricey', 'cheap(er|est)?',
      'affordable', 'value for (the )?(money|price)', '(good|great|excellent|poor|bad|best|better|low) value', 'fees?',
      'subscription', 'billing', 'invoices?', 'budget', 'worth the money', 'license (fee|cost)s?',
    ],
  },
  {
    id: 'usability',
    label: { ja: '使いやすさ', en: 'Usability' },
    keywords: [
      '使い(やす|にく|づら|辛|勝手|方|心地|こなせ)', '操作', 'ui', 'ux', 'ユーザビリティ', 'インターフェ(イ|ー)?ス',
      'インタフェ(イ|ー)?ス', '直感的', '(わか|分か|判)り(やす|にく|づら)', '見(やす|にく|づら)', '画面', 'デザイン',
      'レイアウト', '見た目', 'メニュー', '導線', 'ユーザーフレンドリ', '学習コスト', 'シンプル', '誰でも(簡単に)?使え',
      'easy to (use|navigate|learn|understand|find)', 'ease of use', 'user[- ]?friendly', 'usability', 'intuitive',
      'unintuitive', 'interface', 'navigat(e|ion|ing)', 'confusing', 'clunky', 'cumbersome',
      '(hard|difficult) to (use|navigate|find|understand|learn)', 'layout', 'learning curve', 'design',
    ],
  },
  {
    id: 'performance',
    label: { ja: '速度・性能', en: 'Performance' },
    keywords: [
      '速度', '動作', '動き(が|は|も)', '読み?込み', '読込', 'ロード(?!マップ)', '表示(速度|が(遅|重|速|早)|に時間|まで)',
      '処理(速度|時間|が(遅|重|速|早)|に時間)', 'パフォーマンス', '性能', speedJa('レスポンス'), '反応', '遅延',
      '(?<![プフ])ラグ(?!イン)',
      'もっさり', 'サクサク', 'さくさく', 'きびきび', 'キビキビ', '重(い|く|かっ|た|すぎ)', '軽(い|く|快|かっ)',
      '高速', '低速', '待ち時間', 'タイムアウト',
      speedJa('遅(い|く|かっ|さ|すぎ)'), speedJa('速(い|く|かっ|さ|すぎ)'), speedJa('早(い|く|かっ|さ|すぎ)'),
      'performance', speedEn('speed(y|s)?'), 'load(s|ed|ing)?', 'latency', 'lag(s|gy|ging)?', 'sluggish',
      speedEn('responsive(ness)?'), 'time ?outs?',
      speedEn('slow(er|est|ly|ness)?'), speedEn('fast(er|est)?'), speedEn('quick(er|ly)?'), speedEn('snappy'),
    ],
  },
  {
    id: 'reliability',
    label: { ja: '安定性・障害', en: 'Reliability' },
    keywords: [
      '安定', '障害', '不具合', 'バグ', 'エラー', 'トラブル', '落ち(る|た|て|ます|まし|やす)', 'ダウン(?!ロード|グレード)',
      '停止', '止ま(る|っ|り)', 'フリーズ', '固ま(る|っ|り)', 'クラッシュ', '復旧', '信頼性', '稼働', '(繋|つな)がらな',
      '接続(でき|が切|エラー)', 'ログインでき(な|ませ)', 'データが消え', '消え(る|た|て|ちゃ)', '動かな', 'メンテナンス',
      'stable', 'stability', 'unstable', 'instability', 'reliab(le|ility)', 'unreliable', 'rock[- ]solid',
      'outages?', 'downtime', 'uptime', '(is|was|went|goes|go|been|being|are|were) down', 'crash(es|ed|ing)?',
      'bugs?', 'buggy', 'errors?', 'glitch(es|y)?', 'broken', 'break(s|ing)?', 'broke', 'freez(e|es|ing)',
      'froze(n)?', 'fail(s|ed|ing|ures?)?', 'maintenance', 'data loss', 'lost (our |my )?data', 'flaky', 'stopped working',
      "(doesn't|does not|didn't|did not|don't|do not) work", 'not working',
    ],
  },
  {
    id: 'onboarding',
    label: { ja: '導入・オンボーディング', en: 'Onboarding' },
    keywords: [
      // 導入 is onboarding, but not in 導入して1年 / 導入事例 (time since adoption, case studies).
      '導入(?!して(から|よかった|良かった|[0-9])|以来|を(検討|決め)|事例|企業|実績)', 'オンボーディング', '初期設定', '設定作業',
      '設定方法', 'セットアップ', '立ち?上げ', '利用開始', '使い始め',
      '研修', 'トレーニング', '勉強会', '説明会', 'チュートリアル', 'マニュアル', 'ドキュメント', '移行', 'キックオフ',
      '慣れる(まで|のに)',
      'onboard(ing|ed)?', 'set ?up', 'set-up', 'setting up', 'implementation', 'implement(ed|ing)?', 'getting started',
      'get started', 'training', 'tutorials?', 'documentation', 'docs', 'migrat(e|ed|ion|ing)', 'roll ?out',
      'rolled out', 'kick-?off', 'installation', 'install(ed|ing)?',
    ],
  },
  {
    id: 'integrations',
    label: { ja: '連携', en: 'Integrations' },
    keywords: [
      '連携', '統合(?!失調)', 'apis?', '外部(ツール|サービス|システム|アプリ)', 'プラグイン', 'アドオン', '拡張機能',
      'シングルサインオン', 'sso', 'webhook', 'slack', 'salesforce', 'kintone', 'キントーン', 'chatwork', 'チャットワーク',
      'microsoft teams', 'hubspot', 'zapier', 'line works', 'google (workspace|カレンダー|ドライブ|calendar|drive|sheets)',
      'freee', 'マネーフォワード', 'shopify', 'jira', 'sap', '会計ソフト', 'crm', 'sfa', 'erp', '基幹システム',
      'integrat(e|es|ed|ing|ion|ions)', 'connectors?', 'plug-?ins?', 'add-?ons?', 'sync(s|ed|ing)?',
      'single sign-on', 'third-party', 'dropbox',
    ],
  },
];
