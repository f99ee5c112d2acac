import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space } from 'antd';

/** Sections of key/value pairs (ClearML's "Args", "General" …), as nested form lists. */
export function HyperparameterEditor() {
  return (
    <Form.List name="hyperparameters">
      {(sections, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          {sections.map((section) => (
            <Card
              key={section.key}
              size="small"
              title={
                <Form.Item
                  name={[section.name, 'section']}
                  label="Section"
                  style={{ margin: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: 'Name the section' },
                    { max: 128, message: 'At most 128 characters' },
                  ]}
                >
                  <Input placeholder="Args" size="small" />
                </Form.Item>
              }
              extra={
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`Remove section ${section.name + 1}`}
                  onClick={() => remove(section.name)}
                />
              }
            >
              <ParamList sectionName={section.name} />
            </Card>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ section: sections.length === 0 ? 'Args' : '', params: [{}] })}
            disabled={sections.length >= 50}
          >
            Add section
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

function ParamList({ sectionName }: { sectionName: number }) {
  return (
    <Form.List name={[sectionName, 'params']}>
      {(params, { add, remove }) => (
        <>
          {params.map((param) => (
            <Space key={param.key} align="start" size={4} style={{ display: 'flex' }} wrap>
              <Form.Item
                name={[param.name, 'key']}
                style={{ marginBottom: 6 }}
                rules={[
                  { required: true, whitespace: true, message: 'Name the parameter' },
                  { max: 256, message: 'At most 256 characters' },
                ]}
              >
                <Input
                  size="small"
                  placeholder="name"
                  aria-label={`Parameter ${param.name + 1} name`}
                />
              </Form.Item>
              <Form.Item
                name={[param.name, 'value']}
                style={{ marginBottom: 6 }}
                rules={[{ max: 4096, message: 'At most 4096 characters' }]}
              >
                <Input
                  size="small"
                  placeholder="value"
                  aria-label={`Parameter ${param.name + 1} value`}
                />
              </Form.Item>
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`Remove parameter ${param.name + 1}`}
                onClick={() => remove(param.name)}
              />
            </Space>
          ))}
          <Button
            size="small"
            type="dashed"
            onClick={() => add({ key: '', value: '' })}
            icon={<PlusOutlined />}
          >
            Add parameter
          </Button>
        </>
      )}
    </Form.List>
  );
}
