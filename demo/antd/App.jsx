import { useState } from 'react';
import { Button, Cascader, Checkbox, ConfigProvider, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

const DISTRICTS = ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区', '闵行区', '宝山区', '嘉定区', '浦东新区', '金山区', '松江区', '青浦区', '奉贤区', '崇明区'];
const opts = (list) => list.map((x) => ({ value: x, label: x }));
const LEVELS = ['学徒工', '初级工', '中级工', '高级工', '技师', '高级技师', '特级技师', '首席技师'];
const frameSrc = `${window.DEMO_FRAME_ORIGIN ?? ''}/frame/index.html`;

/** The model a test reads: form values, dates as YYYY-MM-DD. */
function toModel(v) {
  if (dayjs.isDayjs(v)) return v.format('YYYY-MM-DD');
  if (Array.isArray(v)) return v.map(toModel);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toModel(x)]));
  return v;
}

export function App() {
  const [form] = Form.useForm();
  const initial = { ownership: '其他', premium: false, occupations: [], trapReadonly: '（自动带出）' };
  const [model, setModel] = useState(initial);
  return (
    <ConfigProvider locale={zhCN}>
      <main style={{ display: 'flex', gap: 24, padding: 16 }}>
        <Form form={form} style={{ width: 760 }} labelCol={{ span: 8 }} initialValues={initial} onValuesChange={(_c, all) => setModel(toModel(all))}>
          <h2>职业技能等级评价机构备案（演示）</h2>
          <Form.Item label="单位名称" name="orgName" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item label="统一社会信用代码" name="uscc"><Input /></Form.Item>
          <Form.Item label="法人代表" name="legalRep"><Input /></Form.Item>
          <Form.Item label="所属区县" name="district"><Select showSearch allowClear options={opts(DISTRICTS)} listHeight={96} placeholder="请选择" /></Form.Item>
          <Form.Item label="注册地区" name="region"><Cascader allowClear options={[{ value: '上海市', label: '上海市', children: opts(DISTRICTS) }]} placeholder="请选择" /></Form.Item>
          <Form.Item label="注册地址" name="address"><Input.TextArea /></Form.Item>
          <Form.Item label="企业性质" name="ownership"><Radio.Group options={opts(['在沪央企', '市属国企', '区属企业', '其他'])} /></Form.Item>
          <Form.Item label="申请日期" name="applyDate"><DatePicker format="YYYY/MM/DD" /></Form.Item>
          <Form.Item label="开展特级技师、首席技师评聘" name="premium" valuePropName="checked"><Switch /></Form.Item>
          <h3>题库与信息化</h3>
          <Form.Item label="题库开发依据" name="bankBasis"><Select allowClear options={opts(['国家职业标准', '评价规范'])} placeholder="请选择" /></Form.Item>
          <Form.Item label="试题数量" name="bankCount"><InputNumber min={0} /></Form.Item>
          <Form.Item label="覆盖环节" name="covers"><Checkbox.Group options={opts(['机构备案', '评价报名', '资格审核', '过程监管'])} /></Form.Item>
          <h3>联系人</h3>
          <Form.Item label="联系人" name="contactName"><Input /></Form.Item>
          <Form.Item label="联系手机" name="contactMobile"><Input /></Form.Item>
          <Form.Item label="电子邮箱" name="contactEmail"><Input /></Form.Item>
          <h3>申报职业</h3>
          <Form.List name="occupations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} className="occ-row" style={{ border: '1px solid #ddd', padding: 8, marginBottom: 8 }}>
                    <Form.Item label="职业编码" name={[f.name, 'code']}><Input /></Form.Item>
                    <Form.Item label="申报等级" name={[f.name, 'levels']}><Select mode="multiple" allowClear options={opts(LEVELS)} placeholder="请选择" /></Form.Item>
                    <Button className="remove-row" onClick={() => remove(f.name)}>删除</Button>
                  </div>
                ))}
                <Button id="add-occupation" type="primary" onClick={() => add({ code: '', levels: [] })}>添加职业</Button>
              </>
            )}
          </Form.List>
          <h3>其他</h3>
          <div style={{ display: 'none' }}><Form.Item label="法定代表人" name="trapHidden"><Input id="trap-hidden" /></Form.Item></div>
          <div style={{ position: 'absolute', left: -10000, top: 0 }}><Form.Item label="机构名称" name="trapOffscreen"><Input id="trap-offscreen" /></Form.Item></div>
          <Form.Item label="注册地址（备案库）" name="trapReadonly"><Input id="trap-readonly" readOnly /></Form.Item>
          <Form.Item label="职务" name="trapDisabled"><Input id="trap-disabled" disabled /></Form.Item>
          <Form.Item label="签字人" name="trapPassword"><Input.Password id="trap-password" /></Form.Item>
          <input type="hidden" id="trap-type-hidden" name="uscc" value="" />
          <iframe id="cross-frame" title="跨源框架" src={frameSrc} style={{ width: 600, height: 90, border: '1px dashed #aaa' }} />
        </Form>
        <pre id="model" style={{ fontSize: 11, maxWidth: 420 }}>{JSON.stringify(model, null, 2)}</pre>
      </main>
    </ConfigProvider>
  );
}
