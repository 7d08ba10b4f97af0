export type ComingSoonTileProps = {
  title: string;
  description: string;
  shortcut?: string;
  testId: string;
};

// An honest placeholder: disabled, says so in words, and shows the key it will answer to
// so cashiers can learn the layout before the feature lands.
export function ComingSoonTile({ title, description, shortcut, testId }: ComingSoonTileProps) {
  return (
    <button
      type="button"
      className="tile"
      disabled
      data-testid={testId}
      aria-describedby={`${testId}-soon`}
    >
      <span className="tile-head">
        <span className="tile-title">{title}</span>
        {shortcut ? <kbd className="tile-key">{shortcut}</kbd> : null}
      </span>
      <span className="tile-text">{description}</span>
      <span className="tile-badge" id={`${testId}-soon`}>
        Coming soon
      </span>
    </button>
  );
}
