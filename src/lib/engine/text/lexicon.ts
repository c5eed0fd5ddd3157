/**
 * Polarity words for customer-success comments, Japanese and English.
 *
 * Licence: written for this project from scratch (own work, same licence as the app). It is NOT
 * derived from PN Table (no redistribution), the Tohoku 日本語評価極性辞書 (licence unconfirmed),
 * AFINN (ODbL) or VADER. It is deliberately small and CS-specific: the words people use about a
 * B2B product, its support, price, speed and stability.
 *
 * Entries are regex fragments on normalised text (normalise.ts). Japanese entries are stems with
 * their inflections (遅(い|く|かっ|さ)) so that the text after the match is where negation is
 * looked for (遅く|ない). English entries get word boundaries (polarity.ts).
 *
 * Groups, tried in this order at each position (so a longer phrase wins over a word it starts
 * with, e.g. "could be better" over "better", ストレスフリー over ストレス):
 * - request: asks for a change; a request is a complaint, never praise (〜てほしい,
 *   安ければ嬉しい, "would be nice"). Weight −2 and never negated.
 * - positive / negative: weight ±1, flipped by negation.
 * - high / low: depend on the aspect — 高い is bad next to a price and good elsewhere
 *   (満足度が高い), 低い the reverse.
 */

export const REQUEST: readonly string[] = [
  // Japanese: 〜てほしい, 〜ていただきたい, 〜ば/たら/と嬉しい・助かる, お願い after a change.
  '(て|で)(ほし|欲し)(い|かっ|く)', '(いただき|頂き|もらい|貰い|願い)た(い|く)', '(して|て)(ください|下さい)',
  'ば(嬉し|うれし|助か|ありがた|いい|良い|よい|良かっ|よかっ|幸い)',
  '(たら|(?<!(ずっ|ちょっ|もっ|きっ|やっ|ほっ))と)(嬉し|うれし|助か|ありがた|いい|良い|よい|幸い)',
  '(改善|修正|対応|追加|実装|検討|見直し|値下げ|強化)(を|の)?(お願い|希望|望|求め|期待)', '(欲|ほ)し(い|かっ|く)', '改善の余地',
  // English.
  'would (be (nice|great|good|better|helpful)|love|like|appreciate|help)', "it'?d be (nice|great|good|better)",
  'wish(ed|es)?', 'please', 'needs? (to|more|better|a|an|some|improvement)', 'could (be better|use|improve|have been)',
  'should (be|have|add|improve|offer)', 'room for improvement', 'hope (you|they|it|that)',
];

export const POSITIVE: readonly string[] = [
  // Japanese — help and care (support). One entry is one stem with its spellings and inflections.
  '助か(る|り|っ)', '丁寧', '親切', '迅速', '素早', '即(日|時|座)', '早(い|く|かっ|さ|め)', '速(い|く|かっ|さ)',
  '頼(り(にな|にして)|もし)', '手厚', '感謝', 'ありがた(い|く)', '満足', '安心',
  '解決(し|でき|済|され)', '信頼(?!性)', '的確', '親身',
  // Japanese — the product.
  '便利', '快適', '使いやす', '見やす', '(わか|分か|判)りやす', '簡単', 'シンプル', '直感的', 'スムー(ズ|ス)',
  '楽(に|で|です|だ|しい|しく)', '充実', '豊富', '使え(る|ます|て)', '役(に)?立', '重宝', '効率(化|的|が(上|良))',
  '(時間|工数|コスト)(の)?(短縮|削減)', '向上', '改善され(た|て|まし)', '高速', '手間(が|を)?(省|減)',
  '問題(が|を)?(すぐ(に)?|迅速に|早急に)?解決', '(サクサク|さくさく|きびきび|キビキビ)', '軽(い|く|快)', '(?<!不)安定',
  '柔軟', '正確', '強力', '優(れ|秀)', '完璧', '(綺麗|きれい)', 'ストレス(なく|フリ|がな)', '問題(なく|な(い|し)|あ?りませ)',
  '不満(は|も)?(なく|な(い|し)|ありませ)', '不具合(も)?(なく|な(い|し))',
  // Japanese — value and feelings.
  'コスパ(が|は|も)?(とても|非常に|かなり)?(高|良|いい|最高)', '(コストパフォーマンス|費用対効果)(が|は|も)?(とても|非常に)?(高|良|いい)',
  'お得', '割安', 'リーズナブル', '安(い|く|かっ|けれ|価|め)(?!っぽ)', '手頃', '納得', '良(い|く|かっ|さ)',
  '(?<=[がはもとて]|^|[^ぁ-ゖ])いい(?!え|加減)', '最高', '(素晴|すば)らし', '好き', '気に入', '(嬉|うれ)し',
  '(おすすめ|お(勧|薦)め|薦め(たい|られ|ます))', '期待(通り|以上)', '魅力',
  // English.
  'great', 'lov(e|es|ed|ing)', 'eas(y|ier|iest)', 'helpful', 'excellent', 'awesome', 'amazing', 'fantastic', 'good',
  'nice', 'best', 'better', 'fast(er)?', 'quick(ly|er)?', 'prompt(ly)?', 'responsive', 'reliable', 'stable', 'solid',
  'smooth(ly)?', 'intuitive', 'simple', 'useful', 'efficient', 'convenient', 'friendly', 'happy', 'satisfied', 'pleased',
  'recommend(ed)?', 'perfect(ly)?', 'powerful', 'flexible', 'impress(ed|ive)', 'enjoy(s|ed)?', 'valu(e|able)',
  'worth (it|the)', 'affordable', 'reasonabl[ey]', 'cheap(er)?', 'sav(e|es|ed|ing)', 'seamless(ly)?',
  '(solved|resolved|fixed|sorted)( \\w+)? (problems?|issues?|bugs?)', '(re)?solved', 'works (well|great|fine|perfectly)',
  'fine', 'justif(y|ied|iable)', 'appreciate(d)?', 'wonderful', 'outstanding', 'knowledgeable', 'professional',
  'improved', "couldn'?t (have been|be) (happier|better|easier|smoother)", 'no (problems?|issues?|complaints?)',
  '(?<!as )well(?! as)', 'painless',
];

export const NEGATIVE: readonly string[] = [
  // Japanese — speed and waiting.
  '遅(い|く|かっ|さ|すぎ|れ)', '遅延', '重(い|く|かっ|た|すぎ)', '(もっさり|カクカク)', '待たさ', '時間が(かか|掛か)', '手間',
  '(面倒|煩雑|わずらわし)', '(来|こ)な(い|かっ)', '返ってこな', '(放置|たらい回し)',
  // Japanese — trouble.
  '不安定', '不安', '障害', '不具合', 'バグ', 'エラー', 'トラブル', '落ち(る|た|て|ます|まし|やす)', '(止ま(る|っ|り)|停止)',
  '(フリーズ|固ま(る|っ|り)|クラッシュ)', '(繋|つな)がらな', '消え(る|た|て|ちゃ)', '動かな', '使(えな(い|く|かっ)|い物にならな)',
  '(直|なお)ら(な|ず)', '改善され(ない|ず|ませ)', '(?<![ァ-ヶ])ミス(?![ァ-ヶ])', '間違', '誤(り|っ|作動|動作|請求)', '不正確',
  '問題', 'ストレス', '(イライラ|いらいら)',
  // Japanese — use and fit.
  '使い(にく|づら|辛)', '見(にく|づら)', '(わか|分か|判)り(にく|づら|辛)', '(わか|分か|判)らな', '難し(い|く|かっ|さ)', '複雑',
  '多すぎ', '不便', '不親切', '不十分', '不足', '(物)?足りな', '少な(すぎ|さ)', 'でき(ない|なかっ|ず|ませ)',
  '迷(う|っ|い|わ)(?!惑)', '迷惑',
  // Japanese — feelings and value.
  '不満', '困(る|っ|り)', '残念', 'がっかり', '期待(外|はず)れ', '悪(い|く|かっ|さ|化)', '最悪', '(ひど|酷)(い|く|かっ|さ)',
  '割高', '高額', '値上(げ|がり)', '高すぎ', '解約', '乗り?換え', '改悪', '劣(る|っ)', '雑(な|だ|で|すぎ|に)',
  '(冷た(い|く)|横柄|高圧的|不誠実)', '的外れ', '古(い|く|くさ)', '心配', '微妙', '(イマイチ|いまいち)', '(我慢|苦労)',
  '大変(だ|で|な|さ)', '無駄', '意味がな', 'ハードルが(高|上)', 'もう(少し|ちょっと)', 'もっと',
  // English.
  'slow(er|ly|ness)?', 'sluggish', 'lag(s|gy|ging)?', 'bug(s|gy)?', 'crash(es|ed|ing)?', 'errors?', 'glitch(es|y)?',
  'broken', 'break(s|ing)?', 'outages?', 'downtime', 'down', 'fail(s|ed|ing|ures?)?', 'unstable', 'unreliable',
  'expensive', 'overpriced', 'pricey', 'costly', 'confus(ing|ed|ion)', 'clunky', 'cumbersome', 'complicated', 'complex',
  'difficult', 'hard', 'frustrat(ing|ed|ion)', 'annoy(ing|ed)', 'terrible', 'awful', 'horrible', 'poor(ly)?', 'bad',
  'wors(e|t)', 'nightmare', '(out)?dated', 'useless', 'unusable', 'lack(s|ing)?', 'missing', 'limited', 'disappoint(ed|ing|ment)', 'unhelpful',
  'rude', 'unresponsive', "(?<!can'?t )wait(ed|ing)?", 'delay(s|ed)?', '(took|takes?|taking) (forever|ages|weeks|days|months)',
  'too (long|slow|expensive|much|many|complicated|hard|difficult|complex)', 'problems?', 'issues?', 'stopped', 'stuck',
  'painful', 'tedious', 'not worth', 'price (increase|hike)s?', 'hate(s|d)?', 'dislike', 'cancel(l?ed|ling)?',
  'switch(ing)? to', 'lost', 'ignored', "(doesn't|does not|didn't|did not|don't|do not) work", 'not working',
  'steep', 'no (reply|response|answer)',
  "(never|didn't|did not|doesn't|does not) (reply|replied|respond|responded|answer|answered|get back|got back)",
];

/** 高い and kin: negative next to a price, positive elsewhere (満足度が高い, high quality). */
export const HIGH: readonly string[] = ['高(い|く|かっ|さ|め)', 'high(er|est)?', '(went|gone|goes|go) up'];

/** 低い and kin: positive next to a price, negative elsewhere (満足度が低い, low quality). */
export const LOW: readonly string[] = ['低(い|く|かっ|さ|め|下)', 'low(er|est)?', '(went|gone|goes|go) down'];

/** A clause "about money": the aspect that turns 高い negative. */
export const PRICE_CONTEXT = /価格|料金|値段|費用|コスト|月額|年額|単価|金額|値上|円(?!滑)|ドル|ライセンス|プラン|price|pric|cost|fee|\$|subscription|billing|licen[cs]e|plan\b/;

/** Entries in the lexicon (the count quoted in docs: 150–300 is the target size). */
export function lexiconSize(): number {
  return REQUEST.length + POSITIVE.length + NEGATIVE.length + HIGH.length + LOW.length;
}
