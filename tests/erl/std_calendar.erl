-module(std_calendar).
-export([main/0]).

%% calendar: deterministic date arithmetic only (no current time).

main() ->
    Dates = [{1970, 1, 1}, {2000, 2, 29}, {1999, 12, 31}, {2024, 3, 1}, {1, 1, 1}, {2100, 2, 28}],
    [io:format("~p days=~p dow=~p iso_week=~p valid=~p~n",
               [D, calendar:date_to_gregorian_days(D), calendar:day_of_the_week(D),
                calendar:iso_week_number(D), calendar:valid_date(D)]) || D <- Dates],
    [io:format("~p leap=~p days_in_feb=~p~n", [Y, calendar:is_leap_year(Y), calendar:last_day_of_the_month(Y, 2)])
     || Y <- [1900, 2000, 2023, 2024, 2100, 2400]],
    io:format("~p~n", [calendar:gregorian_days_to_date(738000)]),
    io:format("~p~n", [calendar:gregorian_seconds_to_datetime(63000000000)]),
    io:format("~p~n", [calendar:datetime_to_gregorian_seconds({{2020, 5, 17}, {13, 45, 59}})]),
    io:format("~p~n", [calendar:seconds_to_daystime(100000)]),
    io:format("~p~n", [calendar:seconds_to_time(3725)]),
    io:format("~p~n", [calendar:time_to_seconds({1, 2, 5})]),
    io:format("~p~n", [calendar:time_difference({{2020, 1, 1}, {0, 0, 0}}, {{2020, 3, 1}, {12, 30, 0}})]),
    io:format("~p~n", [calendar:valid_date(2023, 2, 29)]),
    io:format("~p~n", [calendar:system_time_to_rfc3339(0, [{offset, "Z"}])]),
    io:format("~p~n", [calendar:system_time_to_rfc3339(1700000000123, [{unit, millisecond}, {offset, "+02:00"}])]),
    io:format("~p~n", [calendar:rfc3339_to_system_time("2020-02-29T12:00:00Z")]),
    io:format("~p~n", [calendar:system_time_to_universal_time(1000000000, second)]),
    io:format("~p~n", [calendar:day_of_the_week(2000, 1, 1)]),
    ok.
