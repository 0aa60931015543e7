-module(rec_basic).
-export([main/0]).

%% Records: defaults, field access, update, matching, record_info, is_record, nested records.

-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0, tags = [], home = #point{}}).
-record(empty, {}).

main() ->
    P = #point{x = 3},
    io:format("~p ~p ~p~n", [P, P#point.x, P#point.y]),
    Q = P#point{y = 4},
    io:format("~p~n", [Q]),
    Bob = #person{name = "Bob", tags = [admin]},
    io:format("~p~n", [Bob]),
    Bob2 = Bob#person{age = Bob#person.age + 40, home = #point{x = 1, y = 2}},
    io:format("~p~n", [Bob2]),
    io:format("~p~n", [(Bob2#person.home)#point.y]),
    #person{name = N, home = #point{x = HX}} = Bob2,
    io:format("~p ~p~n", [N, HX]),
    io:format("~p~n", [record_info(fields, person)]),
    io:format("~p~n", [record_info(size, person)]),
    io:format("~p ~p~n", [is_record(P, point), is_record(P, person)]),
    io:format("~p~n", [is_record(P, point, 3)]),
    io:format("~p~n", [#empty{}]),
    io:format("~p~n", [#person.age]),
    io:format("~p~n", [dist(#point{x = 3, y = 4})]),
    io:format("~p~n", [[X || #point{x = X} <- [#point{x = 1}, {other}, #point{x = 2}]]]),
    io:format("~p~n", [t(fun() -> (id(notarecord))#point.x end)]),
    io:format("~p~n", [t(fun() -> (id(#empty{}))#point{x = 1} end)]),
    io:format("~p~n", [older([#person{name = a, age = 5}, #person{name = b, age = 50}], 18)]),
    ok.

dist(#point{x = X, y = Y}) -> math:sqrt(X * X + Y * Y).

older(Ps, Age) -> [N || #person{name = N, age = A} <- Ps, A > Age].

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
