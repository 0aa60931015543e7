-module(bif_calendar).
-export([main/0]).

%% The calendar BIFs: universaltime/localtime conversions, POSIX time both
%% ways, their range checks, and the shapes of date/0, time/0, localtime/0,
%% universaltime/0, time_offset/0,1 and the time-unit BIFs.

main() ->
    {Y, Mo, D} = date(),
    {H, Mi, S} = time(),
    io:format("~p~n", [[is_integer(V) || V <- [Y, Mo, D, H, Mi, S]]]),
    {{_, _, _}, {_, _, _}} = erlang:localtime(),
    {{UY, _, _}, {_, _, _}} = erlang:universaltime(),
    io:format("~p~n", [UY >= 2020]),
    Now = erlang:universaltime(),
    io:format("~p~n", [abs(erlang:universaltime_to_posixtime(Now) - os:system_time(second)) < 5]),
    Dates = [{{2020,1,1},{0,0,0}}, {{1970,1,1},{0,0,0}}, {{1969,12,31},{23,59,59}},
             {{2000,2,29},{12,30,45}}, {{1902,1,1},{0,0,0}}, {{1901,12,31},{23,59,59}},
             {{1600,2,29},{1,2,3}}, {{1600,1,1},{0,0,0}}, {{1599,12,31},{23,59,59}},
             {{10000,1,1},{0,0,0}}, {{2038,1,19},{3,14,8}}, {{99999999,12,31},{23,59,59}},
             {{2020,2,30},{0,0,0}}, {{2021,2,29},{0,0,0}}, {{1900,2,29},{0,0,0}},
             {{2020,13,1},{0,0,0}}, {{2020,0,1},{0,0,0}}, {{2020,1,0},{0,0,0}},
             {{2020,1,1},{24,0,0}}, {{2020,1,1},{23,60,0}}, {{2020,1,1},{23,59,60}},
             {{2020,1,1},{-1,0,0}}, {{0,1,1},{0,0,0}}, {{-1,1,1},{0,0,0}},
             {{2020,1,1},{0,0}}, {2020,1,1}, x, {{2020,1,1},{0,0,0},x}, {{2020,1,1.0},{0,0,0}},
             {{2020,1,1},{0,0,0.0}}, {{1 bsl 70,1,1},{0,0,0}}, [{2020,1,1},{0,0,0}]],
    [io:format("~p: ~p~n", [Dt, t(fun() -> erlang:universaltime_to_posixtime(Dt) end)]) || Dt <- Dates],
    %% local time: the test runs with the same TZ under erl and girder
    [io:format("~p: ~p ~p ~p~n", [Dt, t(fun() -> erlang:universaltime_to_localtime(Dt) end),
                                  t(fun() -> erlang:localtime_to_universaltime(Dt, false) end),
                                  t(fun() -> erlang:localtime_to_universaltime(Dt, undefined) end)])
     || Dt <- Dates],
    L = erlang:universaltime_to_localtime({{2020,6,15},{12,0,0}}),
    io:format("~p~n", [erlang:localtime_to_universaltime(L) =:= {{2020,6,15},{12,0,0}}]),
    io:format("~p~n", [[t(fun() -> erlang:localtime_to_universaltime({{2020,1,1},{0,0,0}}, F) end)
                        || F <- [x, 1, "true"]]]),
    Secs = [0, 1, -1, 59, 60, 86399, 86400, -86400, -86401, 951782400, 1577836800, 2147483647,
            2147483648, 4102444800, 253402300799, 253402300800, -62167219200, -62167219201,
            1 bsl 40, -(1 bsl 40), 1 bsl 59, 1 bsl 60, (1 bsl 63) - 1, -(1 bsl 63),
            1 bsl 63, 1 bsl 64, 1.0, x, "0"],
    [io:format("~p: ~p~n", [X, t(fun() -> erlang:posixtime_to_universaltime(X) end)]) || X <- Secs],
    RoundTrip = [erlang:universaltime_to_posixtime(erlang:posixtime_to_universaltime(X))
                 || X <- [0, 123456789, 1577836800, 253402300799]],
    io:format("~p~n", [RoundTrip]),
    io:format("~p~n", [is_integer(erlang:time_offset())]),
    Units = [second, millisecond, microsecond, nanosecond, native, perf_counter, seconds,
             milli_seconds, micro_seconds, nano_seconds, 1, 1000, 1000000001, 1 bsl 64],
    io:format("~p~n", [[is_integer(erlang:time_offset(U)) || U <- Units]]),
    io:format("~p~n", [[t(fun() -> erlang:time_offset(U) end) || U <- [0, -1, x, 1.0, -(1 bsl 64), "second"]]]),
    io:format("~p~n", [{erts_internal:time_unit(), erts_internal:perf_counter_unit()}]),
    P1 = os:perf_counter(), P2 = os:perf_counter(),
    io:format("~p~n", [is_integer(P1) andalso P2 >= P1]),
    io:format("~p~n", [[is_integer(os:perf_counter(U)) || U <- [second, millisecond, native]]]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
