// The Element UI portal's app: Vue 2 (global `Vue`, Element UI installs itself on it) compiling the
// template written in index.html. The model is printed live so tests read what the app holds.
import { DISTRICTS } from '../shared/districts.js';
import { searchAuthorities } from '../shared/authorities.js';

new window.Vue({
  el: '#app',
  data: {
    model: {
      orgName: '', uscc: '', legalRep: '', district: [], address: '', industryAuthority: '', ownership: '', applyDate: '', premium: false,
      bankBasis: '', bankCount: undefined, bankUpdated: '', covers: [], video: '否', videoDays: undefined,
      contactName: '', contactMobile: '', contactEmail: '',
      occupations: [],
      // traps: the fill must never touch these
      trapHidden: '', trapOffscreen: '', trapReadonly: '（自动带出）', trapDisabled: '', trapPassword: '',
    },
    cascaderOptions: [{ value: '上海市', label: '上海市', children: DISTRICTS.map((d) => ({ value: d, label: d })) }],
    ownerships: ['在沪央企', '市属国企', '区属企业', '其他'],
    bases: ['国家职业标准', '评价规范'],
    covers: ['机构备案', '评价报名', '资格审核', '过程监管'],
    levels: ['学徒工', '初级工', '中级工', '高级工', '技师', '高级技师', '特级技师', '首席技师'],
    // remote el-select: options come from the "server" only after the user types
    authorityOptions: [],
    authorityLoading: false,
    frameSrc: `${window.DEMO_FRAME_ORIGIN ?? ''}/frame/index.html`,
  },
  computed: {
    json() {
      return JSON.stringify(this.model, null, 2);
    },
  },
  methods: {
    async searchAuthority(query) {
      this.authorityLoading = true;
      this.authorityOptions = await searchAuthorities(query);
      this.authorityLoading = false;
    },
    addOccupation() {
      this.model.occupations.push({ code: '', name: '', levels: [] });
    },
    removeOccupation(i) {
      this.model.occupations.splice(i, 1);
    },
  },
});
