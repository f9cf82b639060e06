// 行业主管部门 as a portal's server lists them. The portals search this list remotely: nothing is
// offered until the user types, and the answer arrives after a round trip (a remote el-select).
export const AUTHORITIES = [
  '上海市经济和信息化委员会',
  '上海市发展和改革委员会',
  '上海市教育委员会',
  '上海市科学技术委员会',
  '上海市商务委员会',
  '上海市交通委员会',
  '上海市住房和城乡建设管理委员会',
  '上海市卫生健康委员会',
  '上海市农业农村委员会',
  '上海市国有资产监督管理委员会',
  '上海市文化和旅游局',
];

/** The "server": names containing the query, after `delayMs` (an empty query finds nothing). */
export function searchAuthorities(query, delayMs = 300) {
  const q = String(query ?? '').trim();
  return new Promise((resolve) => setTimeout(() => resolve(q ? AUTHORITIES.filter((a) => a.includes(q)) : []), delayMs));
}
