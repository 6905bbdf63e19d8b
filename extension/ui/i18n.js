// Overlay strings, zh-CN first. Keys are the overlay's own; numbers are formatted by the caller.
const STRINGS = {
  'zh-CN': {
    title: '弹幕雷达', colon: '：', list: '、',
    comments: '评论', perMinute: '条/分', viewers: '观众', gifts: '礼物', likes: '点赞', entries: '进场', purchases: '下单',
    hotQuestions: '热门问题', noQuestions: '还没有集中的提问', answered: '已回答', markAnswered: '标记已回答',
    mergeShort: '并', mergeStart: '和另一个问题是同一个意思：合并', mergeIntoShort: '并入', mergeInto: '并入这个问题', cancel: '取消', mergeCancel: '取消合并',
    mergeHint: (text) => `「${text}」并入哪个问题？点那个问题的「并入」，Esc 取消`, held: '鼠标在列表上，暂停刷新',
    people: '人', times: '次', rising: '上升', flood: '刷屏',
    mood: '情绪（近5分钟）', pos: '正面', neu: '中性', neg: '负面', alert: '负面评论突增', trend: '每分钟情绪（正面减负面）', trendStart: '30分钟前', trendEnd: '现在',
    keywords: '热词', products: '商品需求', mentions: '提及', wants: '想要', poll: '扣数',
    summary: '小结', copyAnswer: '复制建议回答', copyShort: '答', export: '导出复盘', waiting: '等待评论…', minutesAgo: '分钟前', justNow: '刚刚',
    capture: { searching: '正在寻找评论区…', capturing: '正在读取评论', paused: '评论区已暂停，正在恢复', lost: '评论区消失，正在重新寻找', unsupported: '此页面未适配：点击工具栏图标选择评论区' },
    siteAccess: { off: '在本网站自动开启', on: '本网站已自动开启', denied: '未获授权，点此重试', title: '只为这个网站申请权限；以后打开它就自动读取评论，不用再点工具栏图标' },
    intents: { price: '价格', link: '链接', size_fit: '尺码', stock: '库存', promo: '优惠', shipping: '物流', after_sale: '售后', usage: '用法', product_info: '商品', request: '请求', host_personal: '主播', other: '其他' },
  },
  en: {
    title: 'Danmu Radar', colon: ': ', list: ', ',
    comments: 'comments', perMinute: '/min', viewers: 'viewers', gifts: 'gifts', likes: 'likes', entries: 'joins', purchases: 'orders',
    hotQuestions: 'Hot questions', noQuestions: 'No recurring questions yet', answered: 'answered', markAnswered: 'Mark answered',
    mergeShort: 'Merge', mergeStart: 'Same ask as another question: merge', mergeIntoShort: 'Into', mergeInto: 'Merge into this question', cancel: 'Cancel', mergeCancel: 'Cancel merge',
    mergeHint: (text) => `Merge “${text}” into which question? Click “Into” on it; Esc cancels`, held: 'paused while the pointer is here',
    people: 'ppl', times: '×', rising: 'rising', flood: 'flood',
    mood: 'Mood (5 min)', pos: 'pos', neu: 'neu', neg: 'neg', alert: 'Complaints spiking', trend: 'mood per minute (pos − neg)', trendStart: '30 min ago', trendEnd: 'now',
    keywords: 'Keywords', products: 'Product demand', mentions: 'mentions', wants: 'wants', poll: 'Poll',
    summary: 'Summary', copyAnswer: 'Copy a suggested answer', copyShort: 'A', export: 'Export report', waiting: 'Waiting for comments…', minutesAgo: 'min ago', justNow: 'just now',
    capture: { searching: 'Looking for the comment list…', capturing: 'Reading comments', paused: 'List paused, resuming', lost: 'List gone, searching again', unsupported: 'Page not supported: click the toolbar icon to pick the comment area' },
    siteAccess: { off: 'Always run on this site', on: 'Runs on this site', denied: 'Not allowed, retry', title: 'Asks Chrome for this site only; then comments are read on every visit without the toolbar click' },
    intents: { price: 'price', link: 'link', size_fit: 'size', stock: 'stock', promo: 'promo', shipping: 'shipping', after_sale: 'after-sale', usage: 'usage', product_info: 'product', request: 'request', host_personal: 'host', other: 'other' },
  },
};

export function strings(lang) {
  return STRINGS[lang] || STRINGS['zh-CN'];
}

export const LANGS = Object.keys(STRINGS);
