package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 item 5: never a raw code in front of a person. Signs in as each demo role, walks the pages of
 * the menu and the links on them (one page per shape of link: /facilities/12 and /facilities/13 are one),
 * and reads what a person reads: the visible text of the pages, the text of the PDFs and the cells of the
 * XLSX files. Each finding names the role, the page and the offending text:
 * <ul>
 *   <li>a {@code ??key_da_DK??} message placeholder;
 *   <li>an enum-like token (DRAFT, WISH_LIST), known acronyms (PDF, CPR, R3, ...) aside;
 *   <li>a user name (kommune-707) where a person's or organisation's name belongs;
 *   <li>an ISO date (2026-10-01) or month (2026-10): Danish pages read 01-10-2026 and "oktober 2026";
 *   <li>a number of 1000 or more without the Danish thousands point (1531 for 1.531); years and postcodes
 *       aside;
 *   <li>in an XLSX file, a date written as text instead of a date cell.
 * </ul>
 * Code, pre and script elements are not read (they show codes by design), nor the API documentation.
 */
@IntegrationTest
class NoRawCodesTest {

    static final List<String> ROLES = List.of(
            "region-midt",
            "region-nord",
            "kommune-norddjurs",
            "kommune-aarhus",
            "botilbud-skovstjernen",
            "laege-norddjurs",
            "national",
            "admin");

    /** Upper-case words that are no code: acronyms and names people write in capitals. */
    static final Set<String> ACRONYMS = Set.of(
            "PDF",
            "XLSX",
            "CSV",
            "CPR",
            "CVR",
            "API",
            "EAN",
            "SOR",
            "PLO",
            "OK25",
            "OK22",
            "HTML",
            "URL",
            "OIDC",
            "MFA",
            "KL",
            "IT",
            "ID",
            "JSON",
            "CSRF",
            "SMTP",
            "FAQ",
            "NB",
            "OBS",
            "ISO",
            "UTC",
            "SFI",
            "TLS",
            "LPS",
            "PSP",
            "OPUS",
            "KMD",
            "SKS",
            "MIT",
            "EU",
            "DK",
            "GLN",
            "AFTALE25",
            "RLTN");

    static final Pattern URL = Pattern.compile("https?://\\S+");
    static final Pattern PLACEHOLDER = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    /** An upper-case token; not a spreadsheet formula's function (=HYPERLINK(...), a name other tests give rows). */
    static final Pattern UPPER = Pattern.compile("(?<![\\p{L}\\d=])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\p{L}\\d(])");

    static final Pattern USERNAME =
            Pattern.compile("(?<![\\p{L}\\d@.-])(?:kommune|region|botilbud|laege)-[a-z0-9]+(?:-[a-z0-9]+)*(?![\\w@.])");
    static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}(?:-\\d{2})?(?![\\d-])");
    /** A run of digits that is a number of its own: not part of a word with letters (a hex tag "2545a7f1"). */
    static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\p{L}\\d.,:/\\-+])\\d{4,}(?!\\d|\\.\\d|-\\d|\\p{L})");
    /** A postcode before its town: "8500 Grenaa". */
    static final Pattern POSTCODE = Pattern.compile("\\d{4} \\p{Lu}");

    /** Pages that show user names by design (the user administration, one's own profile, mails' addresses). */
    static final List<String> USERNAMES_BELONG = List.of("/admin/users", "/profile", "/mails", "/admin/api-clients");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void no_page_pdf_or_xlsx_shows_a_raw_code() {
        Set<String> findings = new TreeSet<>();
        int read = 0;
        for (String role : ROLES) {
            WebSession session = WebSession.signIn(port, role);
            Map<String, String> pages = new LinkedHashMap<>(); // shape -> path
            Set<String> menu = new LinkedHashSet<>();
            menu.add("/");
            HttpResponse<byte[]> home = session.getBytes("/");
            String homeHtml = new String(home.body(), StandardCharsets.UTF_8);
            Matcher nav = Pattern.compile("(?s)<nav class=\"mainnav\".*?</nav>").matcher(homeHtml);
            if (nav.find()) {
                menu.addAll(links(nav.group()));
            }
            menu.add("/profile");
            menu.add("/notifications");
            for (String path : menu) {
                pages.putIfAbsent(shape(path), path);
            }
            for (String path : menu) {
                HttpResponse<byte[]> answer = session.getBytes(path);
                if (isHtml(answer)) {
                    for (String link : links(new String(answer.body(), StandardCharsets.UTF_8))) {
                        if (pages.size() < 250) {
                            pages.putIfAbsent(shape(link), link);
                        }
                    }
                }
            }
            // the second level: the links of the menu's links (a PDF of an agreement, a survey's results), read
            // but not followed further
            for (String path : List.copyOf(pages.values())) {
                if (menu.contains(path)) {
                    continue;
                }
                HttpResponse<byte[]> answer = session.getBytes(path);
                if (isHtml(answer)) {
                    for (String link : links(new String(answer.body(), StandardCharsets.UTF_8))) {
                        if (pages.size() < 400) {
                            pages.putIfAbsent(shape(link), link);
                        }
                    }
                }
            }
            // i16-rest: pages the walk does not reach by links: every cooperation plan's PDF and every matching round
            // (a round's proposals and unmatched facilities carry the limits, "R1:name", "NO_DOCTOR_WITHIN:25")
            jdbc.sql("select agreement_id from cooperation_plan order by agreement_id limit 5")
                    .query(Long.class)
                    .list()
                    .forEach(id -> pages.putIfAbsent("plan-pdf-" + id, "/agreements/" + id + "/cooperation-plan.pdf"));
            jdbc.sql("select id from matching_round order by id desc limit 10")
                    .query(Long.class)
                    .list()
                    .forEach(id -> pages.putIfAbsent("round-" + id, "/matching/rounds/" + id));
            for (String path : pages.values()) {
                HttpResponse<byte[]> answer = session.getBytes(path);
                read++;
                if (answer.statusCode() >= 500) {
                    findings.add(role + " " + path + ": answered " + answer.statusCode());
                    continue;
                }
                if (answer.statusCode() != 200) {
                    continue;
                }
                for (String problem : problems(path, answer)) {
                    findings.add(role + " " + path + ": " + problem);
                }
            }
        }
        System.out.println("NoRawCodesTest: " + read + " answers read, " + findings.size() + " findings");
        findings.forEach(f -> System.out.println("  " + f));
        assertThat(findings)
                .as("raw codes in front of a person (%d answers read)", read)
                .isEmpty();
    }

    /** What a person reads in one answer, and what is wrong in it. */
    static List<String> problems(String path, HttpResponse<byte[]> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        byte[] body = answer.body();
        List<String> problems = new ArrayList<>();
        try {
            if (type.startsWith("application/pdf")) {
                try (PDDocument document = Loader.loadPDF(body)) {
                    problems.addAll(judge(path, new PDFTextStripper().getText(document)));
                }
            } else if (type.contains("spreadsheetml")) {
                DataFormatter format = new DataFormatter();
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                    for (Sheet sheet : workbook) {
                        for (Row row : sheet) {
                            for (Cell cell : row) {
                                if (cell.getCellType() == CellType.STRING) {
                                    String text = cell.getStringCellValue();
                                    if (text.matches("\\d{2}-\\d{2}-\\d{4}|\\d{4}-\\d{2}-\\d{2}")) {
                                        problems.add("XLSX date as text " + cell.getAddress() + " \"" + text + "\"");
                                    }
                                    // a code kept as text (a region's 1082, a provider number) is an identifier
                                    if (!text.matches("\\d+")) {
                                        problems.addAll(judge(path, text));
                                    }
                                } else if (cell.getCellType() == CellType.NUMERIC
                                        && !DateUtil.isCellDateFormatted(cell)
                                        && Math.abs(cell.getNumericCellValue()) >= 1000
                                        && !cell.getCellStyle()
                                                .getDataFormatString()
                                                .contains("#,##0")) {
                                    problems.add("XLSX number without thousands separator " + cell.getAddress() + " "
                                            + cell.getNumericCellValue() + " (format "
                                            + cell.getCellStyle().getDataFormatString() + ")");
                                } else {
                                    // what the cell shows with its format
                                    String shown = format.formatCellValue(cell);
                                    if (ISO_DATE.matcher(shown).find()) {
                                        problems.add("XLSX date cell shown as " + shown + " " + cell.getAddress());
                                    }
                                }
                            }
                        }
                    }
                }
            } else if (type.startsWith("text/html")) {
                problems.addAll(judge(path, visibleText(new String(body, StandardCharsets.UTF_8))));
            }
        } catch (IOException e) {
            problems.add("unreadable " + type + ": " + e);
        }
        return problems;
    }

    /** The findings in a text a person reads. */
    static List<String> judge(String path, String rawText) {
        List<String> problems = new ArrayList<>();
        // a link written out (an invitation's address in a mail on /mails) is not read as words: its random token
        // may hold "XO85" or "2026-11" by chance
        String text = URL.matcher(rawText).replaceAll(" ");
        find(PLACEHOLDER, text, "message placeholder", problems);
        Matcher upper = UPPER.matcher(text);
        while (upper.find()) {
            String token = upper.group();
            if ((token.length() >= 4 || token.contains("_")) && !ACRONYMS.contains(token) && !token.matches("R[1-7]")) {
                problems.add("code " + context(text, upper));
            }
        }
        if (USERNAMES_BELONG.stream().noneMatch(path::startsWith)) {
            find(USERNAME, text, "user name", problems);
        }
        find(ISO_DATE, text, "ISO date", problems);
        Matcher number = LONG_NUMBER.matcher(text);
        while (number.find()) {
            long value = Long.parseLong(number.group());
            boolean decimals = text.substring(number.end()).matches("(?s),\\d.*");
            boolean year = number.group().length() == 4 && value >= 1900 && value <= 2100;
            boolean postcode = number.group().length() == 4
                    && POSTCODE.matcher(text.substring(number.start(), Math.min(text.length(), number.end() + 2)))
                            .matches();
            // a six-digit integer is a provider number (ydernummer), longer ones phone, CVR or EAN numbers
            boolean identifier = !decimals && number.group().length() >= 6
                    || text.substring(Math.max(0, number.start() - 1), number.start())
                                    .equals("(")
                            && text.substring(number.end()).startsWith(")")
                    || text.substring(Math.max(0, number.start() - 12), number.start())
                            .toLowerCase(java.util.Locale.ROOT)
                            .matches(".*(ydernummer|ydernr\\.?|cvr|ean|tlf\\.?|telefon|kode|nr\\.)[: ]*")
                    || text.substring(number.end()).matches("(?s)\\s+Region .*");
            if (!year && !postcode && !identifier) {
                problems.add("number without thousands point " + context(text, number));
            }
        }
        return problems;
    }

    private static void find(Pattern pattern, String text, String what, List<String> problems) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            problems.add(what + " " + context(text, m));
        }
    }

    private static String context(String text, Matcher m) {
        String around = text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30));
        return "'" + m.group() + "' in \"" + around.replaceAll("\\s+", " ").trim() + "\"";
    }

    /** The text nodes of a page, without head, script, style, code, pre and template elements. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?is)<head.*?</head>", " ")
                .replaceAll("(?is)<(script|style|code|pre|template|kbd|samp)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", "\n");
        return text.replace("&nbsp;", " ")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");

    /** The same-site links of a page a person may follow (no logout, language switch, assets or API docs). */
    static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (link.startsWith("//")
                    || link.contains("lang=")
                    || link.startsWith("/logout")
                    || link.startsWith("/css")
                    || link.startsWith("/js")
                    || link.startsWith("/webjars")
                    || link.startsWith("/api/") && !link.matches("/api/v1/.*\\.(pdf|xlsx)(\\?.*)?")
                    || link.startsWith("/swagger")
                    || link.startsWith("/v3/")) {
                continue;
            }
            links.add(link);
        }
        return links;
    }

    /** A link's shape: its numbers as #, its query's parameter names (so /facilities/12 and /13 are one). */
    static String shape(String link) {
        int q = link.indexOf('?');
        String path = (q < 0 ? link : link.substring(0, q)).replaceAll("\\d+", "#");
        if (q < 0) {
            return path;
        }
        Set<String> names = new TreeSet<>();
        for (String pair : link.substring(q + 1).split("&")) {
            names.add(pair.split("=", 2)[0]);
        }
        return path + "?" + String.join("&", names);
    }

    private static boolean isHtml(HttpResponse<byte[]> answer) {
        return answer.statusCode() == 200
                && answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
    }
}
