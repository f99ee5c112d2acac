import Button from 'antd/lib/button';
import Dropdown from 'antd/lib/dropdown';
import Layout from 'antd/lib/layout';
import Space from 'antd/lib/space';
import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useHistory } from 'react-router-dom';
import { useHarness } from './HarnessContext';
import { pluginMenuItems } from './menuItems';
import { usePlugins } from './usePlugins';

/** CVAT's header: navigation, and the user menu with plugin items after CVAT's own. */
export function HarnessHeader() {
  const { store, data } = useHarness();
  const history = useHistory();
  const props = { user: data.user };
  const plugins = usePlugins(store, 'header.userMenu.items', props);
  const items = [
    { key: 'settings', icon: <SettingOutlined />, label: 'Settings' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: 'Logout',
      onClick: () => history.push('/tasks'),
    },
    ...pluginMenuItems(plugins, props, 'user'),
  ];
  return (
    <Layout.Header
      className="cvat-header"
      style={{ display: 'flex', alignItems: 'center', gap: 24, padding: '0 16px' }}
    >
      <strong style={{ color: '#fff' }}>CVAT (plugin harness)</strong>
      <Space>
        <Link to="/projects">Projects</Link>
        <Link to="/tasks">Tasks</Link>
        <Link to="/models">Models</Link>
      </Space>
      <div style={{ marginLeft: 'auto' }}>
        <Dropdown menu={{ items, className: 'cvat-header-menu' }} trigger={['click']}>
          <Button className="cvat-header-menu-user-dropdown" icon={<UserOutlined />}>
            {data.user.username}
          </Button>
        </Dropdown>
      </div>
    </Layout.Header>
  );
}
