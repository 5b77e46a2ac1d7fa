package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.RowProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each known column is in a file's heading row. Columns the file lacks read as blank; a
 * missing required column is a problem of row 1. Columns nobody asked for are ignored, so an
 * export with extra columns imports as it is.
 */
final class ImportLayout {

    private final List<ImportColumn> columns;
    private final Map<ImportColumn, Integer> positions;

    private ImportLayout(List<ImportColumn> columns, Map<ImportColumn, Integer> positions) {
        this.columns = columns;
        this.positions = positions;
    }

    static ImportLayout locate(List<ImportColumn> columns, List<String> headers, RowProblems problems) {
        Map<ImportColumn, Integer> positions = new LinkedHashMap<>();
        for (ImportColumn column : columns) {
            for (int i = 0; i < headers.size(); i++) {
                if (column.matches(headers.get(i))) {
                    positions.put(column, i);
                    break;
                }
            }
            if (column.required() && !positions.containsKey(column)) {
                problems.add(
                        RowProblem.of(1, column.field(), column.header(), "import.column.missing", column.header()));
            }
        }
        return new ImportLayout(columns, positions);
    }

    /** The raw cell of a column in a row; null when the file has no such column. */
    String cell(ImportFile.Row row, ImportColumn column) {
        Integer position = positions.get(column);
        return position == null ? null : row.cell(position);
    }

    /** The column that fills a field, or null when no column does. */
    ImportColumn columnOf(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst().orElse(null);
    }

    /** The position of a field's column among the known columns, to list a row's problems in column order. */
    int order(String field) {
        ImportColumn column = columnOf(field);
        return column == null ? columns.size() : columns.indexOf(column);
    }
}
