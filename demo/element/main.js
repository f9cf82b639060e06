import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import Bench from './Bench.vue';

// ?bench=1 shows the speed page: 10 selects and 5 date pickers (issue 6, speed target)
const bench = new URLSearchParams(location.search).has('bench');
createApp(bench ? Bench : App).use(ElementPlus).mount('#app');
