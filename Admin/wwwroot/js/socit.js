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

// The menu button of the static shell (decision 0049): opens and closes the drawer without a circuit. The choice is
// kept for the tab (sessionStorage) and applied again after enhanced navigation, which patches the shell from the
// server's HTML.
(function () {
    const key = "socit.drawer";
    const apply = function (open) {
        const drawer = document.querySelector(".mud-drawer");
        const layout = document.querySelector(".mud-layout");
        const button = document.querySelector("[data-drawer-toggle]");
        if (!drawer || !layout) {
            return;
        }
        drawer.classList.toggle("mud-drawer--open", open);
        drawer.classList.toggle("mud-drawer--closed", !open);
        for (const name of Array.from(layout.classList)) {
            if (name.startsWith("mud-drawer-open-") || name.startsWith("mud-drawer-close-")) {
                layout.classList.remove(name);
            }
        }
        layout.classList.add(open ? "mud-drawer-open-responsive-md-left" : "mud-drawer-close-responsive-md-left");
        document.body.classList.toggle("drawer-closed", !open);
        if (button) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
        }
    };
    const saved = function () {
        return sessionStorage.getItem(key) !== "closed";
    };
    document.addEventListener("click", function (event) {
        if (event.target.closest && event.target.closest("[data-drawer-toggle]")) {
            const open = !document.querySelector(".mud-drawer")?.classList.contains("mud-drawer--open");
            sessionStorage.setItem(key, open ? "open" : "closed");
            apply(open);
        }
    });
    const restore = function () {
        if (!saved()) {
            apply(false);
        }
    };
    document.addEventListener("DOMContentLoaded", restore);
    if (window.Blazor && window.Blazor.addEventListener) {
        window.Blazor.addEventListener("enhancedload", restore);
    } else {
        document.addEventListener("DOMContentLoaded", function () {
            window.Blazor?.addEventListener?.("enhancedload", restore);
        });
    }
})();

// Static pages (decision 0049; issue 22 parts A and C) (decision 0049). A field marked data-autosubmit applies its GET form at once (a date
// after a pause, so that typing one does not send every digit); the close button of a page notice removes it.
(function () {
    let pending = null;
    document.addEventListener("change", function (event) {
        const field = event.target.closest ? event.target.closest("[data-autosubmit]") : null;
        if (!field || !field.form) {
            return;
        }
        clearTimeout(pending);
        if (field.type === "date") {
            pending = setTimeout(function () { field.form.requestSubmit(); }, 600);
        } else {
            field.form.requestSubmit();
        }
    });
    document.addEventListener("click", function (event) {
        const close = event.target.closest ? event.target.closest("[data-notice-close]") : null;
        if (close) {
            close.closest(".mud-snackbar")?.remove();
        }
    });
    // A GET filter form leaves its empty fields out of the address (/cases?status=all, not …&type=&mark=…): they are
    // disabled while the submit event passes (enhanced navigation reads the form then), and enabled again after.
    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || form.method !== "get") {
            return;
        }
        const emptied = Array.from(form.elements).filter(function (e) {
            return e.name && !e.disabled && e.type !== "checkbox" && e.value === "";
        });
        emptied.forEach(function (e) { e.disabled = true; });
        setTimeout(function () { emptied.forEach(function (e) { e.disabled = false; }); }, 0);
    }, true);
    // Enhanced navigation (the back button, a link) patches the page's markup but leaves a control the user changed
    // showing what they chose: set the filter forms' controls to what the new page says.
    const syncFilters = function () {
        document.querySelectorAll("form[method=get][data-enhance]").forEach(function (form) {
            Array.from(form.elements).forEach(function (e) {
                if (e.type === "checkbox" || e.type === "radio") {
                    e.checked = e.hasAttribute("checked");
                } else if (e.tagName === "SELECT") {
                    Array.from(e.options).forEach(function (o) { o.selected = o.hasAttribute("selected"); });
                    if (!e.querySelector("option[selected]") && e.options.length > 0) {
                        e.selectedIndex = 0;
                    }
                } else if (e.tagName === "INPUT" && e.type !== "hidden" && e.type !== "submit") {
                    e.value = e.getAttribute("value") ?? "";
                }
            });
        });
    };
    if (window.Blazor && window.Blazor.addEventListener) {
        window.Blazor.addEventListener("enhancedload", syncFilters);
    } else {
        document.addEventListener("DOMContentLoaded", function () {
            window.Blazor?.addEventListener?.("enhancedload", syncFilters);
        });
    }
})();

// Part B (issue 22): small behaviours of static pages, by event delegation on the document so that they survive
// enhanced navigation and need no inline handlers (the CSP forbids them).
// ([data-autosubmit] is handled once, above.)
// - [data-row-link] on a table row: a click anywhere in the row follows the row's link (a[data-row-target]), so that
//   enhanced navigation handles it; the link itself is there for the keyboard and for screen readers.
// - StaticDialog: Escape or a click on the backdrop follows the dialog's close link ([data-dialog-close]).
// - form[data-require-text]: its submit buttons are enabled only while its textarea holds more than blanks.
// - [data-print]: prints the page (the evidence report).
(function () {
    const closeDialog = function () {
        const close = document.querySelector("[data-static-dialog] [data-dialog-close]");
        if (close) {
            close.click();
        }
    };
    document.addEventListener("click", function (event) {
        if (!event.target.closest) {
            return;
        }
        if (event.target.closest("[data-static-dialog-backdrop]")) {
            closeDialog();
            return;
        }
        if (event.target.closest("[data-print]")) {
            window.print();
            return;
        }
        const row = event.target.closest("[data-row-link]");
        if (row && !event.target.closest("a, button, input, select, textarea")) {
            const link = row.querySelector("a[data-row-target]");
            if (link) {
                link.click();
            }
        }
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && document.querySelector("[data-static-dialog]")) {
            closeDialog();
        }
    });
    document.addEventListener("input", function (event) {
        const form = event.target.closest && event.target.closest("form[data-require-text]");
        if (!form || event.target.tagName !== "TEXTAREA") {
            return;
        }
        const empty = event.target.value.trim() === "";
        const outside = form.id ? [...document.querySelectorAll(`button[type=submit][form="${form.id}"]`)] : [];
        for (const button of [...form.querySelectorAll("button[type=submit]"), ...outside]) {
            button.disabled = empty;
        }
    });
})();

// Part F (issue 22): the follow-up and HR pages' dialogs and selection without a circuit, by event delegation on the
// document (no inline handlers: the CSP forbids them).
// - input[type=date][data-label-button]: the button with that id says "<data-label-base> till <the day>" as the day is
//   picked (Förläng till 2027-01-31), and only its base while no day is chosen.
// - [data-selection-button]: a submit button for the form whose id it names counts the checked boxes of that form
//   ("Bekräfta valda (2)") and is disabled while none is checked.
// - button[data-fill-text]: writes its text into its form's textarea (a common reason), as if typed.
(function () {
    const setLabel = function (button, text) {
        const label = button.querySelector(".mud-button-label") ?? button;
        label.textContent = text;
    };
    const dayChanged = function (event) {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || input.type !== "date" || !input.dataset.labelButton) {
            return;
        }
        const button = document.getElementById(input.dataset.labelButton);
        if (button && button.dataset.labelBase) {
            setLabel(button, input.value ? `${button.dataset.labelBase} till ${input.value}` : button.dataset.labelBase);
        }
    };
    const selectionChanged = function (event) {
        const box = event.target;
        if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.form) {
            return;
        }
        const form = box.form;
        document.querySelectorAll(`[data-selection-button][form="${form.id}"]`).forEach(function (button) {
            const checked = Array.from(form.elements).filter(function (e) { return e.type === "checkbox" && e.checked; }).length;
            setLabel(button, checked > 0 ? `${button.dataset.selectionButton} (${checked})` : button.dataset.selectionButton);
            button.disabled = checked === 0;
            button.classList.toggle("mud-button-disabled", checked === 0);
        });
    };
    document.addEventListener("input", dayChanged);
    document.addEventListener("change", function (event) {
        dayChanged(event);
        selectionChanged(event);
    });
    document.addEventListener("click", function (event) {
        const fill = event.target.closest ? event.target.closest("button[data-fill-text]") : null;
        const area = fill && fill.form ? fill.form.querySelector("textarea") : null;
        if (area) {
            area.value = fill.dataset.fillText;
            area.dispatchEvent(new Event("input", { bubbles: true }));
            area.focus();
        }
    });
})();

// Part O (issue 22): the next enhanced page load, for an island that refreshes its static page and tells the outcome
// after it (a snackbar shown before is wiped by the refresh's DOM update): resolves once the new page is in place.
window.socit.nextEnhancedLoad = function () {
    return new Promise(function (resolve) {
        const loaded = function () {
            window.Blazor.removeEventListener("enhancedload", loaded);
            resolve();
        };
        window.Blazor.addEventListener("enhancedload", loaded);
    });
};

// Part O (issue 22): a row menu of a static page (details[data-menu], the access page's "Begär") closes as MudMenu
// does: on a click beside it, on Escape, and when another opens. Delegated, so it also works after enhanced navigation.
(function () {
    const closeMenus = function (except) {
        document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
            if (menu !== except) {
                menu.open = false;
            }
        });
    };
    document.addEventListener("click", function (event) {
        closeMenus(event.target.closest ? event.target.closest("details[data-menu]") : null);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        const open = document.querySelector("details[data-menu][open]");
        if (open) {
            open.open = false;
            open.querySelector("summary")?.focus();
        }
    });
})();
