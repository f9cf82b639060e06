import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/dist/locale/zh-cn.mjs';
import 'element-plus/dist/index.css';
import App from './App.vue';
import Bench from './Bench.vue';

// ?bench=1 shows the speed page: 10 selects and 5 date pickers (the fill speed target).
// Chinese locale, as a government portal sets it (placeholders 请选择, not Select).
const bench = new URLSearchParams(location.search).has('bench');
createApp(bench ? Bench : App).use(ElementPlus, { locale: zhCn }).mount('#app');
