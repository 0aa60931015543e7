-module(bin_comprehension).
-export([main/0]).

%% Binary comprehensions and list comprehensions with binary generators.

main() ->
    io:format("~w~n", [<< <<X>> || X <- [1, 2, 3] >>]),
    io:format("~w~n", [<< <<X:4>> || X <- lists:seq(1, 5) >>]),
    io:format("~w~n", [<< <<(X * 2)>> || <<X>> <= <<1, 2, 3, 4>> >>]),
    io:format("~w~n", [<< <<X:3>> || <<X:3>> <= <<255, 0>> >>]),
    io:format("~w~n", [[X || <<X:16>> <= <<1, 2, 3, 4, 5>>]]),
    io:format("~w~n", [<< <<B/binary, B/binary>> || <<B:1/binary>> <= <<"abc">> >>]),
    io:format("~p~n", [<< <<(C - 32)>> || <<C>> <= <<"hello">>, C =/= $l >>]),
    io:format("~w~n", [[{X, Y} || <<X:4, Y:4>> <= <<16#12, 16#34>>]]),
    io:format("~w~n", [<< <<X, Y>> || X <- [1, 2], <<Y>> <= <<10, 20>> >>]),
    io:format("~w~n", [<< <<X:1>> || X <- [1, 0, 1] >>]),
    io:format("~w~n", [<< <<>> || _ <- [1, 2] >>]),
    io:format("~w~n", [<< <<X/utf8>> || X <- [955, 65] >>]),
    io:format("~w~n", [[X || <<X/utf8>> <= <<"h", 206, 187>>]]),
    io:format("~w~n", [[X || <<X:8>> <= <<1, 2, 3:4>>]]),
    io:format("~w~n", [<< <<X:8>> || <<X:8>> <= <<>> >>]),
    Big = << <<(I rem 256)>> || I <- lists:seq(1, 100000) >>,
    io:format("~w ~w~n", [byte_size(Big), erlang:crc32(Big)]),
    Sum = lists:sum([X || <<X:32>> <= Big]),
    io:format("~w~n", [Sum]),
    io:format("~w~n", [<< <<X:8>> || {X, _} <- [{1, a}, {2, b}, c] >>]),
    ok.
