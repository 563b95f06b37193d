package dev.gaday.cert.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Small multiples: one metric of the worst services, a panel each (three to a row), every panel with its own
 * value axis fitting that service's values and threshold, the threshold line and the incidents; one legend
 * below for all. The fleet charts average a culprit away; these show it beside its peers.
 *
 * @param name the file stem (services_availability)
 * @param title the caption, saying which services and how many of how many
 */
public record ServicePanels(String name, String title, List<ChartLayout> panels, int height, Marks marks)
        implements Figure {
    static final int COLUMNS = 3;
    static final double PANEL_HEIGHT = 150;
    private static final double LEGEND_ROW = 24;

    /** One service's panel: its chart (named after the service) and its title ("checkout 99.653%"). */
    record Service(KpiChart chart, String title, boolean failing) {}

    static ServicePanels of(String name, String title, List<Service> services, String seriesLabel) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("small multiples " + name + ": no service to draw");
        }
        int rows = (services.size() + COLUMNS - 1) / COLUMNS;
        int height = (int) Math.ceil(rows * PANEL_HEIGHT + LEGEND_ROW);
        double panelWidth = (double) ChartLayout.WIDTH / COLUMNS;
        Marks marks = new Marks();
        marks.rect(0, 0, ChartLayout.WIDTH, height, 0xffffff);
        List<ChartLayout> panels = new ArrayList<>();
        boolean incidents = false;
        boolean threshold = false;
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            ChartLayout panel = ChartLayout.panel(
                    service.chart(),
                    new ChartLayout.Panel(
                            (i % COLUMNS) * panelWidth,
                            (i / COLUMNS) * PANEL_HEIGHT,
                            panelWidth,
                            PANEL_HEIGHT,
                            service.title(),
                            service.failing()));
            panels.add(panel);
            marks.figure(panel);
            incidents |= !service.chart().incidents().isEmpty();
            threshold |= service.chart().threshold() != null;
        }
        List<String> labels = new ArrayList<>(List.of(seriesLabel));
        List<Object> samples = new ArrayList<>(List.of(ChartLayout.SERIES));
        if (threshold) {
            labels.add("Threshold (the service's criterion, else the fleet's)");
            samples.add(ChartLayout.THRESHOLD);
        }
        if (incidents) {
            labels.add("Incident, deploy or SLO alert");
            samples.add(ChartLayout.INCIDENT);
        }
        Marks.legend(marks, ChartLayout.WIDTH / 2.0, height - 8, labels, samples);
        return new ServicePanels(name, title, panels, height, marks);
    }

    public ServicePanels {
        panels = List.copyOf(panels);
    }

    @Override
    public void drawOn(ChartCanvas canvas) {
        marks.drawOn(canvas);
    }
}
