-- How many of the links that reached a frontier URL were pagination hops: the depth limit counts
-- only the others (depth - pagination_depth), pagination chains have a limit of their own. Rows
-- from before this column count every link toward the depth limit, as they did when added.
ALTER TABLE frontier ADD COLUMN pagination_depth INTEGER NOT NULL DEFAULT 0;
