// Option lists the corpus pages show (each page words its own options; these are the shared facts).
export { DISTRICTS } from '../../shared/districts.js';
/** 国家职业资格等级 as portals name them: the level name, its 级 name. */
export const LEVELS = [
  ['初级工', '五级'],
  ['中级工', '四级'],
  ['高级工', '三级'],
  ['技师', '二级'],
  ['高级技师', '一级'],
];
