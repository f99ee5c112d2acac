import { Alert, Button, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api/ApiError';
import { useProject } from '../../api/projectsQuery';
import { TASK_TYPES, type TaskDetails } from '../../api/types';
import { useCreateTask } from '../../api/useCreateTask';
import { taskTypeLabel } from '../common/taskStatus';
import { HyperparameterEditor } from './HyperparameterEditor';
import { problemFieldPath } from './problemFieldPath';
import {
  toFormValues,
  toTaskCreate,
  type CreateTaskInitialValues,
  type TaskFormValues,
} from './taskFormValues';
import { useIdempotencyKey } from './useIdempotencyKey';

export interface CreateTaskFormProps {
  projectName: string;
  initialValues?: CreateTaskInitialValues;
  onCreated?: (task: TaskDetails) => void;
  onCancel?: () => void;
}

const fieldset = { border: 0, padding: 0, margin: '0 0 12px' };
const legend = {
  fontSize: 14,
  fontWeight: 600,
  marginBottom: 8,
  borderBottom: '1px solid rgba(5,5,5,0.06)',
};

const max = (n: number) => ({ max: n, message: `At most ${n} characters` });

/** Creates a ClearML draft task; limits mirror the contract's TaskCreate schema. */
export function CreateTaskForm({
  projectName,
  initialValues,
  onCreated,
  onCancel,
}: CreateTaskFormProps) {
  const [form] = Form.useForm<TaskFormValues>();
  const formInitial = useMemo(() => toFormValues(initialValues), [initialValues]);
  const key = useIdempotencyKey();
  const create = useCreateTask();
  const project = useProject(projectName);
  const projectMissing = isApiError(project.error) && project.error.kind === 'not-found';
  const [problem, setProblem] = useState<{
    message: string;
    details: string[];
    retry: boolean;
  } | null>(null);

  // A second click can land before React re-renders the disabled button.
  const inFlight = useRef(false);

  const submit = async () => {
    if (inFlight.current) return;
    let values: TaskFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows each invalid field's message
    }
    setProblem(null);
    const body = toTaskCreate(values, {
      configuration: initialValues?.configuration,
      cvat_link: initialValues?.cvat_link,
    });
    inFlight.current = true;
    create.mutate(
      { projectName, body, idempotencyKey: key.current() },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: (task) => {
          key.renew();
          onCreated?.(task);
        },
        onError: (error) => showProblem(error),
      },
    );
  };

  const showProblem = (error: Error) => {
    const fieldErrors = isApiError(error) ? error.fieldErrors : [];
    const sections = form.getFieldValue('hyperparameters') as TaskFormValues['hyperparameters'];
    const placed = fieldErrors.map((e) => ({
      error: e,
      path: problemFieldPath(e.name, e.message, sections),
    }));
    const onFields = placed.filter((p) => p.path !== null);
    // Several errors may name one field: all of its messages show.
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const { error: e, path } of onFields) {
      const id = JSON.stringify(path);
      const entry = byField.get(id) ?? { name: path!, errors: [] };
      entry.errors.push(e.message);
      byField.set(id, entry);
    }
    form.setFields([...byField.values()]);
    const elsewhere = placed
      .filter((p) => p.path === null)
      .map(({ error: e }) => `${e.name}: ${e.message}`);
    if (onFields.length === 0 || elsewhere.length > 0) {
      const transient = isApiError(error) ? error.isTransient : true;
      setProblem({ message: error.message, details: elsewhere, retry: transient });
    }
  };

  const configurationNames = Object.keys(initialValues?.configuration ?? {});
  return (
    <Form<TaskFormValues>
      form={form}
      layout="vertical"
      size="small"
      initialValues={formInitial}
      onValuesChange={() => key.renew()}
      onFinish={submit}
      disabled={create.isPending}
      aria-label="Create a ClearML task"
    >
      <Typography.Paragraph type="secondary">
        In project <Typography.Text strong>{projectName}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item
        name="name"
        label="Name"
        rules={[{ required: true, whitespace: true, message: 'Give the task a name' }, max(255)]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="type" label="Type" rules={[{ required: true }]}>
        <Select options={TASK_TYPES.map((t) => ({ value: t, label: taskTypeLabel(t) }))} />
      </Form.Item>
      <Form.Item name="comment" label="Description" rules={[max(4096)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name="tags"
        label="Tags"
        rules={[
          { type: 'array', max: 50, message: 'At most 50 tags' },
          {
            validator: (_, tags: string[] = []) =>
              tags.every((t) => t.length <= 128)
                ? Promise.resolve()
                : Promise.reject(new Error('Each tag has at most 128 characters')),
          },
        ]}
      >
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          placeholder="Type a tag, then Enter"
          // Enter adds the tag; it must not also submit the form.
          onInputKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </Form.Item>
      <fieldset style={fieldset}>
        <legend style={legend}>Hyperparameters</legend>
        <HyperparameterEditor />
      </fieldset>
      <fieldset style={fieldset}>
        <legend style={legend}>Script and container</legend>
        <Form.Item name={['script', 'repository']} label="Repository" rules={[max(2048)]}>
          <Input placeholder="https://git.example.com/team/repo.git" />
        </Form.Item>
        <Form.Item name={['script', 'branch']} label="Branch" rules={[max(256)]}>
          <Input placeholder="main" />
        </Form.Item>
        <Form.Item name={['script', 'entry_point']} label="Entry point" rules={[max(1024)]}>
          <Input placeholder="train.py" />
        </Form.Item>
        <Form.Item name={['script', 'working_dir']} label="Working directory" rules={[max(1024)]}>
          <Input placeholder="." />
        </Form.Item>
        <Form.Item name={['container', 'image']} label="Container image" rules={[max(512)]}>
          <Input placeholder="pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime" />
        </Form.Item>
      </fieldset>
      {configurationNames.length > 0 || initialValues?.cvat_link ? (
        <Typography.Paragraph type="secondary">
          {configurationNames.length > 0 ? `Configuration: ${configurationNames.join(', ')}. ` : ''}
          {initialValues?.cvat_link
            ? `Linked to CVAT task #${initialValues.cvat_link.task_id}.`
            : ''}
        </Typography.Paragraph>
      ) : null}
      {projectMissing ? (
        <Form.Item name="create_project" valuePropName="checked">
          <Checkbox>Create project “{projectName}” (it does not exist yet)</Checkbox>
        </Form.Item>
      ) : null}
      <div aria-live="polite" style={{ marginBottom: 8 }}>
        {create.isPending ? <Typography.Text>Creating task…</Typography.Text> : null}
        {problem ? (
          <Alert
            type="error"
            showIcon
            message="The task was not created"
            description={[problem.message, ...problem.details].join(' · ')}
            action={
              problem.retry ? (
                <Button size="small" onClick={submit} disabled={create.isPending}>
                  Retry
                </Button>
              ) : undefined
            }
          />
        ) : null}
      </div>
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          disabled={create.isPending}
        >
          Create task
        </Button>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
      </Space>
    </Form>
  );
}
