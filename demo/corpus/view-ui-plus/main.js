import ViewUIPlus from 'view-ui-plus';
import 'view-ui-plus/dist/styles/viewuiplus.css';
import zh from 'view-ui-plus/dist/locale/zh-CN';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).use(ViewUIPlus, { locale: zh }).mount('#app');
