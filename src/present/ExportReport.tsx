/** What the last export came to: a status line read out politely, and an error read out at once. */
export function ExportReport({ status, error }: { status: string; error: string }) {
  return (
    <>
      <p className="export-status" role="status" data-testid="export-status">
        {status}
      </p>
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
