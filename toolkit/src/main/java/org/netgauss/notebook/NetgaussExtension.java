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

    /** Registers the table and chart renderers on {@code renderer} (the kernel's, or one in a test). */
    public static void registerRenderers(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    int maxRows = context.getParameterAsInt(MAX_ROWS, TableHtml.DEFAULT_MAX_ROWS);
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.render(table, maxRows));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TableHtml.text(table, maxRows));
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
}
