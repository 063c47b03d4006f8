package org.netgauss.notebook;

import java.util.Map;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Makes Tablesaw tables and XChart charts render inline when they are the value of a cell, in the netgauss
 * kernel and in stock JJava alike.
 *
 * <p>JJava finds this class through {@code META-INF/services/org.dflib.jjava.jupyter.Extension} in the
 * toolkit jar and calls {@link #install} at start-up, or when the jar arrives later by {@code %classpath}
 * or {@code %maven}. This is the only class besides {@code org.netgauss.progress.JupyterProgressSink} that names JJava types, so
 * the rest of the toolkit runs where JJava is absent (the CLI, batch jobs).
 *
 * <ul>
 *   <li>{@link Table}: {@code text/html} ({@link TableHtml#render(Table, int)}) and {@code text/plain};
 *       the render parameter {@code maxRows} overrides the default of {@value TableHtml#DEFAULT_MAX_ROWS}.</li>
 *   <li>{@link TableView}: a table with its own row limit and digits ({@code TableView.of(t).allRows()});</li>
 *   <li>every toolkit result with a public {@code toTable()} ({@code PigmmFit}, {@code ModelComparison},
 *       {@code DeviationReport}, …, found in the toolkit jar at start-up): its table as {@code text/html}, whole
 *       up to 500 rows, and its {@code toString} as {@code text/plain};</li>
 *   <li>arrays ({@link ArrayText#TYPES}): element type, length and elements instead of {@code [I@1a2b}; a
 *       numeric matrix also as an HTML table;</li>
 *   <li>floating-point table cells show 4 significant digits; the render parameter {@code digits} (0: all) or
 *       {@link TableView#allDigits()} shows more;</li>
 *   <li>any XChart {@link Chart}: {@code image/png} at 2x with {@code width}/{@code height} and
 *       {@value #PLOT} metadata, after {@link ChartStyle#fitLayout} (no clipped title, no legend over a third of
 *       the chart), and
 *       {@code text/plain}; {@code image/svg+xml} only when asked for, e.g.
 *       {@code display(chart, "image/svg+xml")}.</li>
 * </ul>
 */
public final class NetgaussExtension implements Extension {
    /** Render parameter: the number of table rows to show. */
    public static final String MAX_ROWS = "maxRows";
    /** Render parameter: significant digits of floating-point table cells (0: every digit). */
    public static final String DIGITS = "digits";
    /**
     * PNG metadata key: the plot area {@code [x, y, width, height]} in display pixels, which the notebook check
     * ({@code environment/lib/chart_check.py}) uses to tell a real plot from a blank one.
     */
    public static final String PLOT = "netgauss_plot";

    /** For {@link java.util.ServiceLoader}. */
    public NetgaussExtension() {
    }

    @Override
    public void install(BaseKernel kernel) {
        registerRenderers(kernel.getRenderer());
    }

    /**
     * Registers the table, result, array and chart renderers on {@code renderer} (the kernel's, or one in a
     * test).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void registerRenderers(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    int maxRows = context.getParameterAsInt(MAX_ROWS, TableHtml.DEFAULT_MAX_ROWS);
                    int digits = context.getParameterAsInt(DIGITS, SignificantDigits.DEFAULT);
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.render(table, maxRows, digits));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TableHtml.text(table, maxRows, digits));
                });

        renderer.createRegistration(TableView.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((view, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, view::html);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, view::text);
                });

        registerResults(renderer, ResultTables.discover(NetgaussExtension.class));

        Renderer.RenderRegistration<Object> arrays = renderer.createRegistration((Class) ArrayText.TYPES.get(0));
        for (Class<?> type : ArrayText.TYPES.subList(1, ArrayText.TYPES.size())) {
            arrays.onType((Class) type);
        }
        arrays.preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((array, context) -> {
                    String matrix = ArrayText.matrixHtml(array, context.getParameterAsInt(DIGITS,
                            SignificantDigits.DEFAULT));
                    if (matrix != null) {
                        context.renderIfRequested(MIMEType.TEXT_HTML, () -> matrix);
                    }
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ArrayText.describe(array));
                });

        @SuppressWarnings("rawtypes")
        Renderer.RenderRegistration<Chart> charts = renderer.createRegistration(Chart.class);
        charts.preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((chart, context) -> {
                    ChartStyle.fitLayout(chart);
                    context.renderIfRequested(MIMEType.IMAGE_PNG, (type, out) -> {
                        ChartImages.Png png = ChartImages.png2x(chart);
                        java.awt.geom.Rectangle2D plot = ChartGeometry.plotBounds(chart);
                        out.putData(type, png.base64());
                        out.putMetaData(type, Map.of("width", png.width(), "height", png.height(),
                                PLOT, java.util.List.of(plot.getX(), plot.getY(), plot.getWidth(), plot.getHeight())));
                    });
                    context.renderIfRequested(MIMEType.IMAGE_SVG, () -> ChartImages.svg(chart));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ChartImages.describe(chart));
                });
    }

    /**
     * Registers each result type (a class with a public {@code toTable()}): {@code text/html} of its table, whole
     * up to {@value ResultTables#MAX_ROWS} rows, and its one-line {@code toString} as {@code text/plain}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void registerResults(Renderer renderer, java.util.List<Class<?>> types) {
        if (types.isEmpty()) {
            return;
        }
        Renderer.RenderRegistration<Object> results = renderer.createRegistration((Class) types.get(0));
        for (Class<?> type : types.subList(1, types.size())) {
            results.onType((Class) type);
        }
        results.preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((result, context) -> {
                    int maxRows = context.getParameterAsInt(MAX_ROWS, ResultTables.MAX_ROWS);
                    int digits = context.getParameterAsInt(DIGITS, SignificantDigits.DEFAULT);
                    ResultTables.tableOf(result).ifPresent(t -> context.renderIfRequested(MIMEType.TEXT_HTML,
                            () -> TableHtml.render(t, maxRows, digits)));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, result::toString);
                });
    }
}
