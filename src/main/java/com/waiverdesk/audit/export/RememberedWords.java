package com.waiverdesk.audit.export;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EntryWords} looked up once per code: a million-row export repeats a few dozen codes, and a reason with a
 * detail is put together from two words each time it is asked.
 */
final class RememberedWords {
    private final EntryWords words;
    private final Map<DecisionKind, String> decisions = new EnumMap<>(DecisionKind.class);
    private final Map<String, String> reasons = new HashMap<>();
    private final Map<List<String>, String> categories = new HashMap<>();
    private final Map<String, String> results = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final Map<Channel, String> channels = new EnumMap<>(Channel.class);
    private final Map<String, String> reviewStates = new HashMap<>();

    RememberedWords(EntryWords words) {
        this.words = words;
    }

    String decision(DecisionKind kind) {
        return decisions.computeIfAbsent(kind, words::decision);
    }

    String reason(String code) {
        return reasons.computeIfAbsent(code, words::reason);
    }

    /** Empty for no category, as the codes' column. */
    String categories(List<String> codes) {
        return codes.isEmpty() ? "" : categories.computeIfAbsent(codes, words::categories);
    }

    String serviceResult(String result) {
        return result == null ? null : results.computeIfAbsent(result, words::serviceResult);
    }

    String error(String key) {
        return key == null ? null : errors.computeIfAbsent(key, words::error);
    }

    String channel(Channel channel) {
        return channels.computeIfAbsent(channel, words::channel);
    }

    String reviewState(String state) {
        return reviewStates.computeIfAbsent(state, words::reviewState);
    }
}
