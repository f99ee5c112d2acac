const tagStyle = {
  display: 'inline-block',
  padding: '0 6px',
  marginRight: 4,
  fontSize: 12,
  lineHeight: '18px',
  borderRadius: 4,
  background: 'rgba(0, 0, 0, 0.04)',
  whiteSpace: 'nowrap' as const,
};

/** Tags as light spans for table cells (see TaskStatusBadge for why not antd's Tag). */
export function PlainTags({ tags, max = 3 }: { tags: string[]; max?: number }) {
  if (tags.length === 0) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>—</span>;
  return (
    <span
      style={{
        display: 'inline-block',
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        maxWidth: '100%',
        // An inline-block with hidden overflow sits on its bottom edge: rows with tags grew taller.
        verticalAlign: 'top',
      }}
    >
      {tags.slice(0, max).map((tag) => (
        <span key={tag} style={tagStyle}>
          {tag}
        </span>
      ))}
      {tags.length > max ? <span title={tags.join(', ')}>+{tags.length - max}</span> : null}
    </span>
  );
}
