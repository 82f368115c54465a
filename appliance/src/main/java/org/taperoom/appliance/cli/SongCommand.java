package org.taperoom.appliance.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;

/**
 * {@code taperoom song new --library DIR --name N [--from-take ID]}, {@code taperoom song list
 * --library DIR} and {@code taperoom song pass --library DIR --song ID --lane L --pass N}
 * (comping: which pass of a lane is heard).
 */
final class SongCommand implements Command {
    @Override
    public String name() {
        return "song";
    }

    @Override
    public String summary() {
        return "Creates a song (from a take: its tracks become lanes), lists songs, or picks a lane's pass.";
    }

    @Override
    public String positionals() {
        return "new|list|pass";
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("library", "DIR", "The take library (songs live in DIR/songs/<id>/song.json)."),
                Flag.value("name", "N", "new: the song's title (its id is made from it)."),
                Flag.value("from-take", "ID", "new: the take whose tracks become the song's lanes (e.g. 2026-12-07_031500-take)."),
                Flag.value("song", "ID", "pass: the song."),
                Flag.value("lane", "NAME", "pass: the lane."),
                Flag.value("pass", "N", "pass: the pass to hear, numbered from 1 in the order recorded."));
    }

    @Override
    public int run(Args args) throws Exception {
        String action = args.single("an action: new, list or pass");
        String lib = args.string("library", null);
        if (lib == null) throw new UsageException("--library DIR is required (the take library)");
        SongLibrary songs = new SongLibrary(Path.of(lib));
        try {
            switch (action) {
                case "new" -> {
                    String name = args.string("name", null);
                    if (name == null) throw new UsageException("--name N is required: the song's title");
                    Song s = songs.create(name, args.string("from-take", null));
                    System.out.printf("song %s: %d lane(s) at %d Hz%n", s.id(), s.lanes().size(), s.rateHz());
                    System.out.println(songs.folderOf(s.id()));
                }
                case "list" -> {
                    for (Song s : songs.list()) {
                        System.out.printf("%s\t%s\t%d lane(s)\t%s%n", s.id(), s.title(), s.lanes().size(),
                                String.join(", ", s.lanes().stream().map(l -> l.name() + " (" + l.passes().size() + ")").toList()));
                    }
                }
                case "pass" -> {
                    String id = args.string("song", null);
                    String lane = args.string("lane", null);
                    if (id == null || lane == null) throw new UsageException("pass needs --song ID --lane NAME --pass N");
                    Song s = songs.load(id);
                    Lane l = s.lane(lane);
                    int n = (int) args.integer("pass", 1, 1, l.passes().size());
                    songs.save(s.withActivePass(lane, n - 1));
                    System.out.printf("song %s: lane %s plays pass %d of %d (%s)%n", id, lane, n, l.passes().size(), l.passes().get(n - 1).take());
                }
                default -> throw new UsageException("unknown action '" + action + "'; use new, list or pass");
            }
        } catch (SongException | NoSuchElementException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
