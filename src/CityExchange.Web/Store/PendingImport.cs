namespace CityExchange.Web.Store;

/// <summary>
/// An uploaded file waiting for its preview to be confirmed or cancelled. It keeps the file's bytes so the preview
/// survives the round trip without uploading again. Not history: it is deleted on confirm, on cancel, or when stale.
/// </summary>
public sealed class PendingImport
{
    public Guid Id { get; set; }

    /// <summary>The year chosen on the form; null when it is to be taken from the file's <c>year</c> column.</summary>
    public int? Year { get; set; }

    public DateTime CreatedAt { get; set; }

    public string User { get; set; } = "";

    public string FileName { get; set; } = "";

    public string Sha256 { get; set; } = "";

    /// <summary>
    /// The file's bytes, gzip-compressed (a 4 MB file of one repeated junk row is kept as a few kilobytes); rows stored
    /// before compression hold the raw bytes, told apart by the gzip signature (<c>UploadService</c>).
    /// </summary>
    public byte[] Content { get; set; } = [];
}
