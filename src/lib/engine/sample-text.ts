// Text tables for the built-in sample data set (see sample.ts): comment phrases by
// topic and polarity, plus the parts Japanese company names and e-mail addresses are
// built from. Pure data, no logic.
//
// Keyword discipline (the tests and the demo rely on it): only `support` phrases say
// サポート / 問い合わせ / "support"; only `price` phrases say 価格 / 料金 / 値上げ / 費用 /
// コスト / "price" / "cost" / "expensive"; only `reliability` phrases say 障害 / "outage".

export type Topic =
  | 'features'
  | 'support'
  | 'price'
  | 'usability'
  | 'performance'
  | 'reliability'
  | 'onboarding'
  | 'integrations';

export const TOPICS: readonly Topic[] = [
  'features',
  'support',
  'price',
  'usability',
  'performance',
  'reliability',
  'onboarding',
  'integrations'
];

/** A phrase, optionally only valid from / until a date (YYYY-MM-DD, inclusive). */
export interface DatedPhrase {
  t: string;
  from?: string;
  to?: string;
}
export type Phrase = string | DatedPhrase;
export type Tone = 'pos' | 'neg' | 'wish';
export type PhraseTable = Record<Topic, Record<Tone, readonly Phrase[]>>;

const PRICE_UP = '2024-04-01';
const OUTAGE = '2024-07-15';
const SUPPORT_UP = '2024-10-01';
const RELEASE = '2025-01-20';

export const JA: PhraseTable = {
  features: {
    pos: [
      '必要な機能がひと通りそろっていて満足です。',
      'レポート機能が充実していて会議資料づくりが楽になりました。',
      '権限管理がきめ細かく、安心して使えています。',
      '機能追加のペースが速く、毎回楽しみにしています。',
      'ワークフロー機能のおかげで承認作業が早くなりました。',
      'タグで顧客を絞り込めるのが地味に便利です。',
      { t: '新しいダッシュボードで数字がひと目で分かります。', from: RELEASE },
      { t: '新ダッシュボードのおかげで経営会議の準備が早くなりました。', from: RELEASE },
      { t: 'ダッシュボードのカスタマイズ機能が期待以上でした。', from: RELEASE }
    ],
    neg: [
      '欲しい機能がなかなか追加されません。',
      'レポートの自由度が低く、結局Excelで加工しています。',
      '機能が多すぎて、必要なものが見つけにくいです。',
      '他社製品にある機能がなく、見劣りします。',
      '権限設定が細かくできず、運用で困っています。',
      { t: '要望した機能がいつ実装されるのか見えません。', to: '2025-01-19' }
    ],
    wish: [
      '機能は十分ですが、レポートをもう少し柔軟にしてほしいです。',
      '承認フローの分岐ができると、さらに便利になると思います。',
      '機能面は概ね満足ですが、一括編集があると助かります。',
      { t: '新ダッシュボードは良いですが、グラフの種類を増やしてほしいです。', from: RELEASE }
    ]
  },
  support: {
    pos: [
      'サポートの対応が早くて助かりました。',
      'サポート担当の方がいつも丁寧に説明してくれます。',
      '問い合わせへの回答が的確で、サポートの質が高いです。',
      '担当CSMとサポートチームの連携が良く、信頼しています。',
      { t: 'サポートのチャットボットで夜間でもすぐ解決できます。', from: SUPPORT_UP },
      { t: 'サポート窓口が増えて、電話がつながりやすくなりました。', from: SUPPORT_UP },
      { t: '以前よりサポートの返信がずっと早くなりました。', from: SUPPORT_UP }
    ],
    neg: [
      'サポートの返信が遅く、業務が止まってしまいました。',
      'サポートに問い合わせても回答がテンプレートばかりです。',
      'サポートの電話がなかなかつながりません。',
      'サポート担当によって回答が違うので困ります。',
      { t: 'サポートの返信に3日以上かかることがあります。', to: '2024-09-30' },
      { t: '問い合わせが放置されているようで、サポートに不信感があります。', to: '2024-09-30' },
      { t: 'サポートのチャットボットでは解決せず、結局メール待ちでした。', from: SUPPORT_UP }
    ],
    wish: [
      'サポートは丁寧ですが、返信がもう少し早いと助かります。',
      'サポートの受付時間を延ばしてもらえるとありがたいです。',
      'サポートのFAQをもっと充実させてほしいです。'
    ]
  },
  price: {
    pos: [
      '機能の割に価格が手頃で、コストパフォーマンスが高いです。',
      '料金体系が分かりやすく、社内稟議も通しやすいです。',
      '他社製品より費用を抑えられて助かっています。',
      { t: '今の料金なら十分に元が取れていると思います。', to: '2024-03-31' }
    ],
    neg: [
      '料金が高く、費用対効果を社内で説明しにくいです。',
      '機能の割に価格が高いと感じます。',
      'ユーザー数が増えると料金が一気に上がるのが不満です。',
      { t: '値上げは納得できません。', from: PRICE_UP },
      { t: '今回の値上げで、他社への乗り換えを検討しています。', from: PRICE_UP },
      { t: '値上げの説明が不十分で、社内に説明できません。', from: PRICE_UP },
      { t: '値上げ幅が大きすぎて、来期の予算が足りません。', from: PRICE_UP },
      { t: '機能は変わらないのに料金だけ上がったのは残念です。', from: PRICE_UP }
    ],
    wish: [
      '便利ですが、料金がもう少し安ければ全社展開できます。',
      '価格に見合う価値はありますが、少人数向けプランがほしいです。',
      { t: '値上げ分の価値があるか、まだ様子を見ています。', from: PRICE_UP }
    ]
  },
  usability: {
    pos: [
      '画面が直感的で、新人でもすぐに使えました。',
      '操作が分かりやすく、マニュアルをほとんど見ずに済みます。',
      '現場のスタッフからも使いやすいと好評です。',
      'スマホからでも操作しやすいのが助かります。',
      { t: 'リニューアル後の画面がすっきりして使いやすくなりました。', from: RELEASE },
      { t: '新しい画面は必要な情報にすぐたどり着けます。', from: RELEASE }
    ],
    neg: [
      '画面が分かりにくく、使いこなせていません。',
      '操作が複雑で、現場に定着しません。',
      '設定画面の場所が分かりにくいです。',
      'メニュー構成が直感的ではなく、毎回迷います。',
      { t: 'ダッシュボードが見づらく、必要な数字が探せません。', to: '2025-01-19' }
    ],
    wish: [
      '慣れれば使いやすいですが、最初は少し戸惑いました。',
      '全体的に使いやすいですが、検索画面は改善の余地があります。',
      'ショートカットキーが使えるともっと効率が上がります。'
    ]
  },
  performance: {
    pos: [
      '動作が軽快でストレスなく使えています。',
      '大量のデータでも検索が速くて驚きました。',
      'ページの表示が速く、作業がはかどります。'
    ],
    neg: [
      '画面が重くて使いにくい。',
      '月末になると動作がかなり遅くなります。',
      '検索結果が出るまで時間がかかりすぎます。',
      'CSVの出力が遅く、待ち時間が長いです。'
    ],
    wish: [
      '普段は快適ですが、ときどき読み込みが遅いです。',
      '大きなファイルの取り込みがもう少し速いと嬉しいです。'
    ]
  },
  reliability: {
    pos: [
      '導入以来ほとんど止まったことがなく安定しています。',
      'システムが安定していて、安心して業務を任せられます。',
      { t: '障害後の再発防止策の説明に誠実さを感じました。', from: '2024-09-01' }
    ],
    neg: [
      'ログインできないことがたまにあり、不安です。',
      'メンテナンスが平日の日中にあるのは困ります。',
      '動作が不安定で、保存に失敗することがあります。',
      { t: '7月の大規模障害で丸一日業務が止まりました。', from: OUTAGE, to: '2024-12-31' },
      { t: '障害時の連絡が遅く、顧客対応に追われました。', from: OUTAGE, to: '2024-12-31' },
      { t: 'あれだけの障害があると安心して使えません。', from: OUTAGE },
      { t: '障害の原因説明が遅く、社内への報告に困りました。', from: OUTAGE, to: '2024-12-31' }
    ],
    wish: [
      '安定していますが、メンテナンスの予告を早めにほしいです。',
      { t: '障害対応は評価しますが、再発しないか心配です。', from: OUTAGE }
    ]
  },
  onboarding: {
    pos: [
      '導入時の支援が手厚く、スムーズに立ち上げられました。',
      'オンボーディングの資料が分かりやすく、社内展開が楽でした。',
      '初期設定を一緒に進めてもらえて助かりました。',
      '導入から本稼働まで予定どおり進みました。'
    ],
    neg: [
      '導入時の説明が足りず、立ち上げに苦労しました。',
      '初期設定が難しく、導入に想定以上の時間がかかりました。',
      'オンボーディングの資料が古く、画面と合っていません。',
      '導入支援の期間が短すぎると感じます。'
    ],
    wish: [
      '導入はスムーズでしたが、管理者向けの研修がもっとほしいです。',
      '導入時の資料がもう少し充実していると助かります。'
    ]
  },
  integrations: {
    pos: [
      'Slack連携のおかげで通知の見落としが減りました。',
      'APIが使いやすく、社内システムとの連携が簡単でした。',
      '会計ソフトとの連携で二重入力がなくなりました。',
      'kintoneやSalesforceとつながるのが便利です。'
    ],
    neg: [
      '既存の基幹システムと連携できず、手作業が残っています。',
      'APIの仕様が分かりにくく、連携開発に苦労しました。',
      'Slack連携の通知が遅れることがあります。',
      '連携できる外部サービスが少なすぎます。'
    ],
    wish: ['API連携の種類がもっと増えると嬉しいです。', 'Teams連携にも対応してもらえると助かります。']
  }
};

export const EN: PhraseTable = {
  features: {
    pos: [
      'The reporting features cover everything we need.',
      'New features keep arriving at a good pace.',
      { t: 'The new dashboard makes our KPIs easy to read.', from: RELEASE }
    ],
    neg: ['Key features we asked for are still missing.', 'Reports are too rigid; we still export to Excel.'],
    wish: ['Solid features, but bulk editing would help a lot.']
  },
  support: {
    pos: [
      'Support answers quickly and clearly.',
      'Great support team, always helpful.',
      { t: 'The support chatbot solves most questions instantly.', from: SUPPORT_UP }
    ],
    neg: [
      'Support takes days to reply.',
      'Support replies feel like copy-paste templates.',
      { t: 'The support chatbot could not help; had to wait for email.', from: SUPPORT_UP }
    ],
    wish: ['Support is friendly but could respond faster.']
  },
  price: {
    pos: ['Good value for the price.', 'Pricing is clear and easy to justify internally.'],
    neg: [
      'Too expensive for what it does.',
      { t: 'The price increase is hard to justify.', from: PRICE_UP },
      { t: 'We are reviewing alternatives after the price hike.', from: PRICE_UP }
    ],
    wish: ['Worth it, but a smaller-team price plan would be nice.']
  },
  usability: {
    pos: [
      'Very intuitive, our new hires picked it up fast.',
      'Clean UI and easy to use every day.',
      { t: 'The redesigned screens are much easier to use.', from: RELEASE }
    ],
    neg: [
      'The UI is confusing and hard to navigate.',
      'Too many clicks for simple tasks.',
      'The "Export" button is hard to find.'
    ],
    wish: ['Mostly easy to use, but search could be better.']
  },
  performance: {
    pos: ['Fast, even with large data sets.', 'Pages load quickly, even at month-end.'],
    neg: ['Slow at month-end, very frustrating.', 'Search results take far too long.'],
    wish: ['Usually fast, but imports could be quicker.']
  },
  reliability: {
    pos: ['Rock solid, we have never had downtime.', 'Stable and reliable for daily work.'],
    neg: [
      'Occasional login failures worry us.',
      { t: 'The July outage stopped our operations for a day.', from: OUTAGE, to: '2024-12-31' },
      { t: 'After the outage we do not fully trust it.', from: OUTAGE }
    ],
    wish: ['Stable overall, but please announce maintenance earlier.']
  },
  onboarding: {
    pos: ['Onboarding was smooth and well organised.', 'The onboarding team was excellent.'],
    neg: ['Onboarding took much longer than promised.', 'Setup documentation is outdated.'],
    wish: ['Onboarding was fine; more admin training please.']
  },
  integrations: {
    pos: ['The Slack integration saves us time.', 'The API is clean and easy to integrate.'],
    neg: ['Integration with our ERP is not possible.', 'The API docs are hard to follow.'],
    wish: ['Would love a Microsoft Teams integration.']
  }
};

/** Topic-free sentences; `fresh` is only used in an account's first wave. */
export const GENERIC: Record<'ja' | 'en', Record<'pos' | 'neg' | 'mid' | 'fresh', readonly string[]>> = {
  ja: {
    pos: [
      '全体的に満足しています。今後にも期待しています。',
      '他部署にも勧めたいと思います。',
      '業務に欠かせないツールになっています。',
      'チーム全員が毎日使っています。手放せません。'
    ],
    neg: [
      '契約更新をするか迷っています。',
      '期待していたほどの効果が出ていません。',
      '正直、他のツールへの移行を考えています。'
    ],
    mid: [
      '可もなく不可もなくといった印象です。',
      '大きな不満はありませんが、特別よいとも感じません。',
      '今のところ問題なく使えていますが、決め手に欠けます。'
    ],
    fresh: ['まだ使い始めたばかりなので、これからに期待します。', '導入したばかりで、評価はこれからです。']
  },
  en: {
    pos: ['Great product overall, would recommend.', 'It has become essential to our team.'],
    neg: ['Considering not renewing our contract.', 'Not seeing the value we expected.'],
    mid: ['It is okay, nothing special.', 'Does the job, but nothing stands out.'],
    fresh: ['Still early days for us, so far so good.']
  }
};

/** Lead-ins used to lengthen very short Japanese sentences. */
export const JA_LEADS: readonly string[] = ['正直なところ、', '最近、', '率直に言って、', '現場の感覚では、'];
export const NOTHING = { ja: '特になし', en: 'Nothing in particular.' } as const;

// ---- company names and people ------------------------------------------------------

/** Name stems: [Japanese, romaji used for the e-mail domain]. */
export const STEMS: readonly (readonly [string, string])[] = [
  ['東和', 'towa'], ['大和', 'yamato'], ['光洋', 'koyo'], ['三協', 'sankyo'], ['新星', 'shinsei'],
  ['丸栄', 'maruei'], ['北斗', 'hokuto'], ['青葉', 'aoba'], ['みらい', 'mirai'], ['日進', 'nisshin'],
  ['旭', 'asahi'], ['富士', 'fuji'], ['桜井', 'sakurai'], ['松本', 'matsumoto'], ['山田', 'yamada'],
  ['中央', 'chuo'], ['協和', 'kyowa'], ['太平', 'taihei'], ['昭栄', 'shoei'], ['明和', 'meiwa'],
  ['三和', 'sanwa'], ['共栄', 'kyoei'], ['白鳥', 'shiratori'], ['若葉', 'wakaba'], ['朝日', 'asahi'],
  ['ひかり', 'hikari'], ['つばさ', 'tsubasa'], ['千代田', 'chiyoda'], ['高島', 'takashima'], ['石川', 'ishikawa'],
  ['森田', 'morita'], ['川口', 'kawaguchi'], ['大栄', 'daiei'], ['セントラル', 'central'], ['グリーン', 'green'],
  ['サンライズ', 'sunrise'], ['ブルースカイ', 'bluesky'], ['アルファ', 'alpha'], ['ネクスト', 'next'], ['ユニオン', 'union'],
  ['エース', 'ace'], ['オリオン', 'orion'], ['フロンティア', 'frontier'], ['さくら', 'sakura'], ['やまびこ', 'yamabiko'],
  ['東邦', 'toho'], ['西武', 'seibu'], ['南海', 'nankai'], ['北陽', 'hokuyo'], ['瑞穂', 'mizuho'],
  ['菱和', 'ryowa'], ['双葉', 'futaba'], ['日昇', 'nissho'], ['トーワ', 'towa'], ['ミナト', 'minato'],
  ['泉', 'izumi'], ['宝', 'takara'], ['栄光', 'eiko'], ['誠和', 'seiwa'], ['豊和', 'howa']
];

/** Industry-specific name endings: [Japanese, romaji]. */
export const SUFFIXES: Record<string, readonly (readonly [string, string])[]> = {
  製造: [['精機', 'seiki'], ['工業', 'kogyo'], ['製作所', 'ss'], ['金属', 'kinzoku'], ['化学', 'chem'], ['電機', 'denki'], ['産業', 'sangyo']],
  小売: [['商店', 'shoten'], ['ストア', 'store'], ['リテール', 'retail'], ['百貨店', 'dept'], ['ドラッグ', 'drug'], ['商事', 'shoji']],
  'IT・通信': [['システムズ', 'systems'], ['テクノロジー', 'tech'], ['ソフト', 'soft'], ['ネットワークス', 'networks'], ['情報サービス', 'info'], ['デジタル', 'digital'], ['ラボ', 'lab']],
  金融: [['ファイナンス', 'finance'], ['証券', 'sec'], ['リース', 'lease'], ['キャピタル', 'capital'], ['保険サービス', 'ins']],
  医療: [['メディカル', 'medical'], ['ヘルスケア', 'healthcare'], ['医療サービス', 'iryo'], ['ファーマ', 'pharma'], ['ケアサービス', 'care']],
  建設: [['建設', 'kensetsu'], ['工務店', 'komuten'], ['ハウジング', 'housing'], ['土木', 'doboku'], ['設備', 'setsubi'], ['住建', 'juken']],
  物流: [['運輸', 'unyu'], ['ロジスティクス', 'logistics'], ['物流', 'butsuryu'], ['倉庫', 'soko'], ['エクスプレス', 'express'], ['トランスポート', 'transport']]
};

/** Regional words sometimes put in front of a company name: [Japanese, romaji]. */
export const REGION_WORDS: Record<string, readonly (readonly [string, string])[]> = {
  関東: [['東京', 'tokyo'], ['関東', 'kanto'], ['横浜', 'yokohama'], ['湘南', 'shonan'], ['房総', 'boso']],
  関西: [['関西', 'kansai'], ['大阪', 'osaka'], ['浪速', 'naniwa'], ['京都', 'kyoto'], ['神戸', 'kobe']],
  中部: [['中部', 'chubu'], ['名古屋', 'nagoya'], ['東海', 'tokai'], ['静岡', 'shizuoka']],
  九州: [['九州', 'kyushu'], ['博多', 'hakata'], ['西海', 'saikai'], ['熊本', 'kumamoto']],
  '北海道・東北': [['北海道', 'hokkaido'], ['みちのく', 'michinoku'], ['仙台', 'sendai'], ['札幌', 'sapporo']]
};

/** Respondent surnames (romaji, for e-mail local parts). */
export const SURNAMES_ROMAJI: readonly string[] = [
  'sato', 'suzuki', 'takahashi', 'tanaka', 'ito', 'watanabe', 'yamamoto', 'nakamura', 'kobayashi', 'kato',
  'yoshida', 'yamada', 'sasaki', 'yamaguchi', 'matsumoto', 'inoue', 'kimura', 'hayashi', 'shimizu', 'yamazaki',
  'mori', 'abe', 'ikeda', 'hashimoto', 'ishikawa', 'ogawa', 'okada', 'goto', 'hasegawa', 'murakami',
  'kondo', 'ishii', 'saito', 'sakamoto', 'endo', 'aoki', 'fujii', 'nishimura', 'fukuda', 'ota'
];
