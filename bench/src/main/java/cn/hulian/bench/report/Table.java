package cn.hulian.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned, columns as wide as their widest cell. */
final class Table {

	private final List<String[]> rows = new ArrayList<>();

	Table(String... header) {
		rows.add(header);
	}

	Table row(Object... cells) {
		String[] texts = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			texts[i] = String.valueOf(cells[i]);
		}
		rows.add(texts);
		return this;
	}

	@Override
	public String toString() {
		int columns = rows.get(0).length;
		int[] widths = new int[columns];
		for (String[] row : rows) {
			for (int i = 0; i < columns; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (String[] row : rows) {
			for (int i = 0; i < columns; i++) {
				String format = i == 0 ? "%-" + widths[i] + "s" : "  %" + widths[i] + "s";
				text.append(String.format(format, row[i]));
			}
			text.append(System.lineSeparator());
		}
		return text.toString();
	}
}
