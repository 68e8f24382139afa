package com.waiverdesk.ui.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * A filter of several alternatives as ControlsFX's check list (decisions, errors): the supervisor ticks "could not
 * verify" and "input error" together, or every waiver and reduction, where a choice box offered one value or all.
 * Kept in step with the form's set both ways; nothing ticked reads "all".
 */
final class CheckFilter {
    private CheckFilter() {
    }

    /**
     * @param offered the values to offer, which may change (the error keys arrive after the sign-in); a ticked value
     *                that leaves it stays offered, so a filter never changes behind the supervisor's back
     */
    static <T> CheckComboBox<T> of(String id, ObservableList<T> offered, Function<T, String> wording,
                                   ObservableSet<T> chosen, String all) {
        ObservableList<T> items = FXCollections.observableArrayList();
        CheckComboBox<T> box = new CheckComboBox<>(items);
        box.setId(id);
        box.getStyleClass().add("audit-check-filter");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : wording.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        boolean[] syncing = {false};
        Runnable title = () -> box.setTitle(chosen.isEmpty() ? all : null);
        Runnable fromChosen = () -> {
            // the title first: the skin redraws its text as the checks change, from the title it then finds
            title.run();
            syncing[0] = true;
            for (T item : items) {
                if (chosen.contains(item)) {
                    box.getCheckModel().check(item);
                } else {
                    box.getCheckModel().clearCheck(item);
                }
            }
            syncing[0] = false;
        };
        Runnable refill = () -> {
            List<T> next = new ArrayList<>(offered);
            chosen.stream().filter(t -> !next.contains(t)).forEach(next::add);
            syncing[0] = true;
            items.setAll(next);
            syncing[0] = false;
            fromChosen.run();
        };
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            if (!syncing[0]) {
                List<T> checked = new ArrayList<>(box.getCheckModel().getCheckedItems());
                syncing[0] = true;
                chosen.retainAll(checked);
                chosen.addAll(checked);
                syncing[0] = false;
                // before the skin's own listener (added later, when the skin is made) redraws the text
                title.run();
            }
        });
        chosen.addListener((SetChangeListener<T>) change -> {
            if (!syncing[0]) {
                refill.run();
            }
        });
        offered.addListener((ListChangeListener<T>) change -> refill.run());
        refill.run();
        return box;
    }
}
