// Corpus page: React 19 + Ant Design 5 (Form, Form.List, Select, DatePicker, Upload), worded like
// an industry authority's filing form.
import { useEffect, useRef, useState } from 'react';
import { Button, Card, Checkbox, ConfigProvider, DatePicker, Form, Input, InputNumber, Radio, Select, Upload } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { DISTRICTS } from '../kit/data.js';

dayjs.locale('zh-cn');
const OWNERSHIP = ['中央企业（在沪）', '本市国有企业（市属）', '本市国有企业（区属）', '非国有企业'];

export function App() {
  const [form] = Form.useForm();
  const [files, setFiles] = useState([]);
  const traps = useRef(null);
  const filesRef = useRef(files);
  filesRef.current = files;
  useEffect(() => {
    corpusKit.traps(traps.current, ['企业名称', '联系手机', '法人姓名', '电子信箱'], ['qymc', 'lxsj', 'frxm', 'dzxx']);
    corpusKit.expose(() => {
      const v = form.getFieldsValue(true);
      return { ...v, tbrq: v.tbrq ? dayjs(v.tbrq).format('YYYY-MM-DD') : '', uploads: filesRef.current.map((f) => f.name) };
    });
  }, [form]);
  return (
    <ConfigProvider locale={zhCN}>
      <Card title="职业技能等级评价机构备案填报" style={{ maxWidth: 900, margin: '16px auto' }}>
        <Form form={form} labelCol={{ span: 7 }} wrapperCol={{ span: 15 }} initialValues={{ dd: [], tjjs: false }}>
          <Form.Item label="企业名称" name="qymc" rules={[{ required: true }]}><Input placeholder="与营业执照一致" /></Form.Item>
          <Form.Item label="统一代码" name="tydm"><Input /></Form.Item>
          <Form.Item label="法人姓名" name="frxm"><Input /></Form.Item>
          <Form.Item label="所属区" name="ssq"><Select showSearch placeholder="请选择" options={DISTRICTS.map((d) => ({ label: d, value: d }))} /></Form.Item>
          <Form.Item label="注册地址" name="zcdz"><Input.TextArea rows={2} /></Form.Item>
          <Form.Item label="所有制类型" name="syzlx"><Select placeholder="请选择" options={OWNERSHIP.map((o) => ({ label: o, value: o }))} /></Form.Item>
          <Form.Item label="填报日期" name="tbrq"><DatePicker format="YYYY年MM月DD日" placeholder="请选择日期" /></Form.Item>
          <Form.Item label="面向本单位职工开展评价" name="bdwzg"><Radio.Group options={['是', '否']} /></Form.Item>
          <Form.Item name="tjjs" valuePropName="checked" wrapperCol={{ offset: 7 }}><Checkbox>开展特级技师、首席技师评聘</Checkbox></Form.Item>
          <Form.Item label="考核点数量" name="khdsl"><InputNumber min={0} addonAfter="个" /></Form.Item>
          <Card type="inner" title="内部质量督导人员" style={{ marginBottom: 16 }}>
            <Form.List name="dd">
              {(fields, { add }) => (
                <>
                  {fields.map((f) => (
                    <div key={f.key} className="dd-row" style={{ display: 'flex', gap: 12 }}>
                      <Form.Item label="督导员姓名" name={[f.name, 'xm']} labelCol={{ span: 10 }} style={{ flex: 1 }}><Input /></Form.Item>
                      <Form.Item label="证件号码" name={[f.name, 'zjhm']} labelCol={{ span: 8 }} style={{ flex: 1 }}><Input /></Form.Item>
                    </div>
                  ))}
                  <Button id="add-dd" type="dashed" onClick={() => add({ xm: '', zjhm: '' })}>+ 添加督导人员</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Form.Item label="联系人姓名" name="lxrxm"><Input /></Form.Item>
          <Form.Item label="联系手机" name="lxsj"><Input /></Form.Item>
          <Form.Item label="电子信箱" name="dzxx"><Input /></Form.Item>
          <Form.Item label="营业执照扫描件">
            <Upload fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}><Button>上传文件</Button></Upload>
          </Form.Item>
        </Form>
        <div ref={traps} />
      </Card>
    </ConfigProvider>
  );
}
