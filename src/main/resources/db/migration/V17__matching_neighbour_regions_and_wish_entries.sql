-- Matchmaking (SPEC §6, seed 000; issue 11 items 13 and 14).
--
-- Neighbouring regions, as data: regions that share a land border or a fixed link. A round may include
-- the doctors of its region's neighbours within a distance. Symmetric: each pair is stored both ways.
create table region_neighbour (
    region_code    char(4) not null references region (code),
    neighbour_code char(4) not null references region (code),
    primary key (region_code, neighbour_code),
    check (region_code <> neighbour_code)
);
insert into region_neighbour (region_code, neighbour_code) values
    ('1081', '1082'), ('1082', '1081'),   -- Nordjylland – Midtjylland
    ('1082', '1083'), ('1083', '1082'),   -- Midtjylland – Syddanmark
    ('1083', '1085'), ('1085', '1083'),   -- Syddanmark – Sjælland (Storebæltsforbindelsen)
    ('1085', '1084'), ('1084', '1085');   -- Sjælland – Hovedstaden

-- Who takes part in a round besides the doctors of its area (issue 11 item 13, seed 000: doctors "placeret
-- langt væk"): the doctors of the round's region whose practice lies within reach_km of an opening, and,
-- when include_neighbours, the doctors of the neighbouring regions within the same distance.
alter table matching_round
    add column reach_km numeric(6, 1) not null default 25 check (reach_km > 0 and reach_km <= 1000),
    add column include_neighbours boolean not null default false;

-- Who entered each entry of a doctor's wish list, and when: the doctor, the region, or the municipality's
-- practice consultant on the doctor's behalf. Null for entries made before this was recorded.
alter table doctor_wish
    add column entered_by text,
    add column entered_at timestamptz;

-- The great-circle distance in km between two points (as matching.Haversine, earth radius 6371.0088 km).
create function haversine_km(lat1 numeric, lon1 numeric, lat2 numeric, lon2 numeric) returns double precision
    language sql immutable as $$
    select 2 * 6371.0088 * asin(least(1, sqrt(
        power(sin(radians((lat2 - lat1)::double precision) / 2), 2)
        + cos(radians(lat1::double precision)) * cos(radians(lat2::double precision))
          * power(sin(radians((lon2 - lon1)::double precision) / 2), 2))))
$$;
