-- The high end of a price range ("$120 - $180"): price_amount holds the low end. Rows from before
-- this column have no range (NULL), as they were read.
ALTER TABLE listings ADD COLUMN price_high REAL;
ALTER TABLE listing_versions ADD COLUMN price_high REAL;
