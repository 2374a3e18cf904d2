// Small browser helpers the console calls through JS interop.
window.socit = {
    // Saves a file the server streamed, e.g. the matrix as CSV.
    downloadFile: async function (fileName, contentType, streamReference) {
        const buffer = await streamReference.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
        const anchor = document.createElement("a");
        anchor.href = url;
        anchor.download = fileName;
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        URL.revokeObjectURL(url);
    },

    // Scrolls the matrix so that one cell is fully visible, clear of the sticky header row and title column, and
    // focuses its level select. A row far down is not rendered yet (the rows are virtualised): scroll to where it
    // is in proportion to all the rows, which is how the virtualiser places its spacers, and wait for it to appear;
    // its estimate of a row's height may change as it measures, so look again if the row is not there yet.
    scrollToCell: async function (container, cell, rowIndex, rowCount) {
        if (!container) {
            return false;
        }

        const selector = `select[data-cell="${cell}"]`;
        const header = container.querySelector("thead");
        const headerHeight = header ? header.offsetHeight : 0;
        let select = container.querySelector(selector);
        for (let attempt = 0; !select && attempt < 3; attempt++) {
            const perRow = (container.scrollHeight - headerHeight) / Math.max(rowCount, 1);
            container.scrollTop = Math.max(0, headerHeight + (rowIndex + 0.5) * perRow - container.clientHeight / 2);
            select = await socit.waitForElement(container, selector, 1000);
        }
        if (!select) {
            return false;
        }

        const td = select.closest("td");
        td.scrollIntoView({ block: "nearest", inline: "nearest" });
        const box = container.getBoundingClientRect();
        const titleColumn = container.querySelector("th.mx-corner");
        const visibleLeft = box.left + container.clientLeft + (titleColumn ? titleColumn.offsetWidth : 0);
        const visibleTop = box.top + container.clientTop + headerHeight;
        const rect = td.getBoundingClientRect();
        if (rect.left < visibleLeft) {
            container.scrollLeft -= visibleLeft - rect.left;
        }
        if (rect.top < visibleTop) {
            container.scrollTop -= visibleTop - rect.top;
        }
        select.focus({ preventScroll: true });
        return true;
    },

    // Resolves with the first element under root that matches, once it is there, or null after the timeout.
    waitForElement: function (root, selector, timeoutMs) {
        return new Promise(resolve => {
            const found = root.querySelector(selector);
            if (found) {
                resolve(found);
                return;
            }
            const observer = new MutationObserver(() => {
                const element = root.querySelector(selector);
                if (element) {
                    observer.disconnect();
                    clearTimeout(timer);
                    resolve(element);
                }
            });
            const timer = setTimeout(() => {
                observer.disconnect();
                resolve(null);
            }, timeoutMs);
            observer.observe(root, { childList: true, subtree: true });
        });
    }
};
