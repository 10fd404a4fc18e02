// "Cite this page": writes today's access date (China time, as the server does) over the rendered one — an output-cached
// page may have been rendered on an earlier day — into the entries and the download links; copy buttons; opens the
// block for printing so the printed page carries its citation.
const block = document.getElementById('cite-this');
if (block) {
    const zone = { timeZone: 'Asia/Shanghai' };
    const now = new Date();
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { ...zone, year: 'numeric', month: 'numeric', day: 'numeric' })
        .formatToParts(now).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const pad = (n) => String(n).padStart(2, '0');
    const styles = {
        iso: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`,
        longdate: `${months[parts.month - 1]} ${parts.day}, ${parts.year}`,
        longdatechinese: `${parts.year}年${parts.month}月${parts.day}日`,
    };
    if (block.dataset.accessed !== styles.iso) {
        for (const span of block.querySelectorAll('.cite-accessed')) {
            const text = styles[span.dataset.dateStyle];
            if (text) {
                span.textContent = text;
            }
        }
        block.dataset.accessed = styles.iso;
    }

    const status = block.querySelector('.cite-copied');
    for (const button of block.querySelectorAll('.cite-copy')) {
        if (!navigator.clipboard) {
            continue;
        }
        button.hidden = false;
        button.addEventListener('click', async () => {
            const text = document.getElementById(button.dataset.copy)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
            try {
                await navigator.clipboard.writeText(text);
                status.textContent = block.dataset.copied ?? '';
            } catch {
                status.textContent = '';
            }
        });
    }

    window.addEventListener('beforeprint', () => { block.open = true; });
}
