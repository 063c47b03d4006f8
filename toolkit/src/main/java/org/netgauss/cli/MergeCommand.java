package org.netgauss.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.netgauss.store.RunMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netgauss merge OUT SHARD_DIR...}: joins shard run directories into one run ({@link RunMerge}).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge shard run directories into one run: configs must agree, no member missing or duplicated.")
public final class MergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "the merged run directory (must not hold a run)")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SHARD_DIR", description = "the shards' run directories")
    List<Path> shards;

    @Option(names = "--partial", description = "merge the complete shards that exist and record the missing members")
    boolean partial;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public Integer call() {
        RunMerge m = RunMerge.of(shards);
        RunMerge.Result r = (partial ? m.allowingMissing() : m).into(out);
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("run", r.run().directory().toAbsolutePath().toString());
            o.addProperty("ensembleSize", r.ensembleSize());
            o.addProperty("memberCount", r.members().length);
            JsonArray miss = new JsonArray();
            r.missing().forEach(miss::add);
            o.add("missing", miss);
            JsonArray skipped = new JsonArray();
            r.skipped().forEach(p -> skipped.add(p.toString()));
            o.add("skippedRunning", skipped);
            JsonArray epochs = new JsonArray();
            for (int e : r.epochs()) {
                epochs.add(e);
            }
            o.add("epochs", epochs);
            o.addProperty("status", r.run().status());
            System.out.println(new GsonBuilder().create().toJson(o));
        } else {
            System.out.println(r);
            if (!r.skipped().isEmpty()) {
                System.out.println("skipped shards still running: " + r.skipped());
            }
        }
        return 0;
    }
}
