// The platform table the e2e suite runs: fixture URL (served under the real host name) and the
// event kinds the page shows in its comment list or notice slots.
export const PLATFORMS = [
  { id: 'douyin', name: '抖音 viewer', url: 'https://live.douyin.com/728194651234', events: ['gift', 'enter', 'like', 'system'] },
];
