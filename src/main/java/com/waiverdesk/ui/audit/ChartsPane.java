package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditCharts;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.ui.common.Texts;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The three pictures a supervisor would rather look at than read: checks per day by decision, the service's failure
 * rate per day (per week or month over longer spans, {@link ChartPeriods}), checks per channel (how status was proved),
 * checks per operator. Series colours follow the decision colours of the clerk's card (audit.css).
 */
final class ChartsPane extends StackPane {
    /** More operators than this would make unreadable bars; the busiest are shown. */
    private static final int MAX_OPERATORS = 25;
    /** Days of one year need no year, which keeps the axis labels short. */
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final int MAX_SYMBOLS = 60;

    private final Texts texts;
    private final AuditWords words;
    private final CategoryAxis dayAxis = new CategoryAxis();
    private final NumberAxis perDayCounts = CountAxis.counts();
    private final StackedBarChart<String, Number> perDay = new StackedBarChart<>(dayAxis, perDayCounts);
    private final CategoryAxis rateAxis = new CategoryAxis();
    private final LineChart<String, Number> failureRate = new LineChart<>(rateAxis, CountAxis.percent());
    private final NumberAxis operatorCounts = CountAxis.counts();
    private final BarChart<String, Number> perOperator = new BarChart<>(new CategoryAxis(), operatorCounts);
    private final NumberAxis channelCounts = CountAxis.counts();
    private final CategoryAxis channelAxis = new CategoryAxis();
    /** Bars across: the channels' names are long ("E-certificate (offline)") and side by side every other one hid. */
    private final BarChart<Number, String> perChannel = new BarChart<>(channelCounts, channelAxis);
    /** Checks per window: only from the audit server, which holds every window's entries. */
    private final NumberAxis workstationCounts = CountAxis.counts();
    private final BarChart<String, Number> perWorkstation = new BarChart<>(new CategoryAxis(), workstationCounts);
    private final Label loading = new Label();

    ChartsPane(AuditViewModel model, AuditWords words) {
        this.texts = words.texts();
        this.words = words;
        setId("chartsPane");
        getStyleClass().add("audit-charts");
        perDay.setId("perDayChart");
        failureRate.setId("failureRateChart");
        perOperator.setId("perOperatorChart");
        perChannel.setId("perChannelChart");
        perWorkstation.setId("perWorkstationChart");
        setUp(perWorkstation, texts.get("audit.chart.perWorkstation"), texts.get("audit.chart.checks"));
        perWorkstation.setLegendVisible(false);
        perWorkstation.managedProperty().bind(perWorkstation.visibleProperty());
        perWorkstation.setVisible(false);
        perDay.getStyleClass().add("decision-chart");
        setUp(perDay, texts.get("audit.chart.perDay"), texts.get("audit.chart.checks"));
        setUp(failureRate, texts.get("audit.chart.failureRate"), texts.get("audit.chart.percent"));
        setUp(perOperator, texts.get("audit.chart.perOperator"), texts.get("audit.chart.checks"));
        perChannel.setTitle(texts.get("audit.chart.perChannel"));
        perChannel.setAnimated(false);
        perChannel.getXAxis().setLabel(texts.get("audit.chart.checks"));
        perChannel.setAccessibleText(perChannel.getTitle());
        perChannel.setMinHeight(220);
        perOperator.setLegendVisible(false);
        perChannel.setLegendVisible(false);
        // every channel on the axis, in the enum's order, even without checks: the bars do not move between filters
        List<String> channelNames = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            channelNames.add(words.channel(channel));
        }
        channelAxis.setCategories(FXCollections.observableArrayList(channelNames));
        failureRate.setLegendVisible(false);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("audit-chart-grid");
        // the per-window chart, when there is one (the server's), takes a fourth column beside the operators'
        grid.add(perDay, 0, 0, 4, 1);
        grid.add(failureRate, 0, 1);
        grid.add(perChannel, 1, 1);
        grid.add(perOperator, 2, 1);
        grid.add(perWorkstation, 3, 1);
        for (var chart : List.of(perDay, failureRate, perChannel, perOperator, perWorkstation)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
        }
        // a day is a calendar day of the workstation's zone: the axes say which
        String dayLabel = texts.get("audit.chart.day", words.offsetNow(model.now()));
        dayAxis.setLabel(dayLabel);
        rateAxis.setLabel(dayLabel);
        loading.setText(texts.get("audit.chart.loading"));
        loading.getStyleClass().add("audit-chart-loading");
        getChildren().addAll(grid, loading);
        model.chartsProperty().addListener((obs, old, charts) -> show(charts));
        show(model.chartsProperty().get());
    }

    /** Titles say what one bar or point stands for: a day, a week (from its Monday) or a month. */
    private void titles(ChartPeriods.Period period) {
        switch (period) {
            case DAY -> {
                perDay.setTitle(texts.get("audit.chart.perDay"));
                failureRate.setTitle(texts.get("audit.chart.failureRate"));
            }
            case WEEK -> {
                perDay.setTitle(texts.get("audit.chart.perWeek"));
                failureRate.setTitle(texts.get("audit.chart.failureRate.week"));
            }
            case MONTH -> {
                perDay.setTitle(texts.get("audit.chart.perMonth"));
                failureRate.setTitle(texts.get("audit.chart.failureRate.month"));
            }
        }
        perDay.setAccessibleText(perDay.getTitle());
        failureRate.setAccessibleText(failureRate.getTitle());
    }

    private static void setUp(XYChart<String, Number> chart, String title, String valueLabel) {
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.getYAxis().setLabel(valueLabel);
        chart.setAccessibleText(title);
        chart.setMinHeight(220);
    }

    private void show(AuditCharts charts) {
        loading.setVisible(charts == null);
        perDay.getData().clear();
        failureRate.getData().clear();
        perOperator.getData().clear();
        perChannel.getData().clear();
        perWorkstation.getData().clear();
        if (charts == null) {
            return;
        }
        ChartPeriods.Grouped grouped = ChartPeriods.group(charts);
        boolean oneYear = grouped.counts().stream().map(c -> c.day().getYear()).distinct().count() <= 1;
        DateTimeFormatter dayFormat = grouped.period() == ChartPeriods.Period.MONTH ? MONTH
                : oneYear ? SHORT_DAY : DateTimeFormatter.ISO_LOCAL_DATE;
        titles(grouped.period());
        TreeSet<String> days = new TreeSet<>();
        Map<DecisionKind, XYChart.Series<String, Number>> byDecision = new EnumMap<>(DecisionKind.class);
        for (DecisionKind kind : DecisionKind.values()) {
            // every decision gets its series, even an empty one, so series N always has decision N's colour
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(words.decision(kind));
            byDecision.put(kind, series);
        }
        for (AuditCharts.DayCount count : grouped.counts()) {
            String day = dayFormat.format(count.day());
            days.add(day);
            byDecision.get(count.decision()).getData().add(new XYChart.Data<>(day, count.count()));
        }
        dayAxis.setCategories(FXCollections.observableArrayList(days));
        Map<String, Long> perDayTotal = new java.util.HashMap<>();
        grouped.counts().forEach(c -> perDayTotal.merge(dayFormat.format(c.day()), c.count(), Long::sum));
        CountAxis.fit(perDayCounts, perDayTotal.values().stream().mapToLong(Long::longValue).max().orElse(0));
        perDay.getData().addAll(new ArrayList<>(byDecision.values()));

        XYChart.Series<String, Number> rate = new XYChart.Series<>();
        rate.setName(texts.get("audit.chart.percent"));
        List<String> rateDays = new ArrayList<>();
        for (AuditCharts.DayFailures day : grouped.failures()) {
            String label = dayFormat.format(day.day());
            rateDays.add(label);
            double percent = day.checks() == 0 ? 0 : 100.0 * day.failures() / day.checks();
            rate.getData().add(new XYChart.Data<>(label, percent));
        }
        rateAxis.setCategories(FXCollections.observableArrayList(rateDays));
        // a dot per point hides the line once there are more points than the chart is wide
        failureRate.setCreateSymbols(rateDays.size() <= MAX_SYMBOLS);
        failureRate.getData().add(rate);

        XYChart.Series<String, Number> operators = new XYChart.Series<>();
        operators.setName(texts.get("audit.chart.checks"));
        charts.perOperator().stream().limit(MAX_OPERATORS)
                .forEach(o -> operators.getData().add(new XYChart.Data<>(o.operator(), o.count())));
        CountAxis.fit(operatorCounts, charts.perOperator().stream().mapToLong(AuditCharts.OperatorCount::count)
                .max().orElse(0));
        perOperator.getData().add(operators);

        XYChart.Series<Number, String> channels = new XYChart.Series<>();
        channels.setName(texts.get("audit.chart.checks"));
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        charts.perChannel().forEach(c -> byChannel.merge(c.channel(), c.count(), Long::sum));
        for (Channel channel : Channel.values()) {
            channels.getData().add(new XYChart.Data<>(byChannel.getOrDefault(channel, 0L), words.channel(channel)));
        }
        CountAxis.fit(channelCounts, byChannel.values().stream().mapToLong(Long::longValue).max().orElse(0));
        perChannel.getData().add(channels);

        perWorkstation.setVisible(!charts.perWorkstation().isEmpty());
        XYChart.Series<String, Number> windows = new XYChart.Series<>();
        windows.setName(texts.get("audit.chart.checks"));
        charts.perWorkstation().stream().limit(MAX_OPERATORS)
                .forEach(w -> windows.getData().add(new XYChart.Data<>(w.workstation(), w.count())));
        CountAxis.fit(workstationCounts, charts.perWorkstation().stream()
                .mapToLong(AuditCharts.WorkstationCount::count).max().orElse(0));
        perWorkstation.getData().add(windows);
    }
}
