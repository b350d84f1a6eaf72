package vn.cantho.ioc.streams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import vn.cantho.ioc.model.Reading;

/** Input for the old-versus-new equivalence tests: readings a little out of order, some delivered twice. */
public final class JitteredInput {

    private JitteredInput() {}

    /**
     * {@code inOrder} shuffled within consecutive blocks of {@code block} readings, and after about one reading in
     * twenty a copy of a reading of the same block, as MQTT redelivers.
     */
    public static List<Reading> shuffledWithCopies(List<Reading> inOrder, int block, Random random) {
        List<Reading> shuffled = new ArrayList<>(inOrder.size());
        for (int from = 0; from < inOrder.size(); from += block) {
            List<Reading> part = new ArrayList<>(inOrder.subList(from, Math.min(inOrder.size(), from + block)));
            Collections.shuffle(part, random);
            for (Reading reading : part) {
                shuffled.add(reading);
                if (random.nextInt(20) == 0) {
                    shuffled.add(part.get(random.nextInt(part.size())));
                }
            }
        }
        return shuffled;
    }
}
