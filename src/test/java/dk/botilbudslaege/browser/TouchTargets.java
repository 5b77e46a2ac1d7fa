package dk.botilbudslaege.browser;

import dk.botilbudslaege.support.Browser;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 16 item 9: touch targets of at least 44 × 44 CSS px at 390 px. The rule, precisely:
 *
 * <ul>
 *   <li>Checked: every {@code a[href]}, {@code button}, {@code input} (not hidden), {@code select} and
 *       {@code summary} inside {@code main} (the header's and footer's links are PhoneWidthTest's) that is rendered
 *       (a box wider and higher than 1 px, not {@code visibility: hidden}, not inside {@code [hidden]} or
 *       {@code [aria-hidden=true]}) and not disabled. A visually hidden element (1 px, clipped) is no target.</li>
 *   <li>Measured: its border box from getBoundingClientRect, rounded to the pixel; a checkbox or radio counts as the
 *       union of itself and its label (the wrapping {@code label}, or {@code label[for]}), since tapping the label
 *       ticks the box.</li>
 *   <li>Exempt (WCAG 2.5.8's "inline" exception): a link shown {@code display: inline} whose nearest non-inline
 *       ancestor is a {@code p} that has text of its own besides the link's — a link in a sentence, whose height is
 *       the line's. A link alone in its paragraph, in a table cell, a list or a definition is not exempt.</li>
 * </ul>
 */
final class TouchTargets {

    static final int MIN = 44;

    private TouchTargets() {}

    static final String SCRIPT = "const main = document.querySelector('main') || document.body;"
            + "const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);"
            + "  return r.width > 1 && r.height > 1 && s.visibility !== 'hidden'"
            + "    && !e.closest('[hidden], [aria-hidden=true]'); };"
            + "const blockOf = e => { let p = e.parentElement;"
            + "  while (p && getComputedStyle(p).display === 'inline') p = p.parentElement; return p; };"
            + "const inSentence = e => { if (e.tagName !== 'A' || getComputedStyle(e).display !== 'inline') return false;"
            + "  const b = blockOf(e); if (!b || b.tagName !== 'P') return false;"
            + "  return b.textContent.replace(e.textContent, '').replace(/[\\s.,:;()–-]/g, '').length > 0; };"
            + "const box = e => { let r = e.getBoundingClientRect();"
            + "  if (e.matches('input[type=checkbox], input[type=radio]')) {"
            + "    const l = e.closest('label') || (e.id && document.querySelector('label[for=\"' + CSS.escape(e.id) + '\"]'));"
            + "    if (l) { const b = l.getBoundingClientRect();"
            + "      return [Math.max(r.right, b.right) - Math.min(r.left, b.left),"
            + "              Math.max(r.bottom, b.bottom) - Math.min(r.top, b.top)]; } }"
            + "  return [r.width, r.height]; };"
            + "const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + "  + (e.getAttribute('type') ? '[' + e.getAttribute('type') + ']' : '')"
            + "  + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')"
            + "  + ' \"' + (e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 24) + '\"'"
            + "  + ' in ' + (e.parentElement ? e.parentElement.tagName.toLowerCase() : '');"
            + "return [...main.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary')]"
            + "  .filter(e => visible(e) && !e.disabled && !inSentence(e))"
            + "  .map(e => [e, box(e)])"
            + "  .filter(([e, b]) => Math.round(b[0]) < " + MIN + " || Math.round(b[1]) < " + MIN + ")"
            + "  .map(([e, b]) => name(e) + ' ' + Math.round(b[0]) + '×' + Math.round(b[1]));";

    /** The page's targets below 44 × 44 px, each described as tag#id.class "text" in parent w×h. */
    @SuppressWarnings("unchecked")
    static List<String> tooSmall(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(SCRIPT);
    }
}
