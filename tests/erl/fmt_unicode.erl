-module(fmt_unicode).
-export([main/0]).

%% ~tp/~ts vs ~p/~s on unicode data; printable_range-dependent list detection.

main() ->
    Terms = [[955, 945], "abc", [233, 234], [127, 128, 159, 160], <<"λ"/utf8>>, <<233>>, [16#1F600], 'λ',
             [8364], [$a, 0], "\x{7f}", [1114111], <<206>>, <<"abc", 0>>],
    [io:format("~p | ~tp | ~w~n", [T, T, T]) || T <- Terms],
    io:format("~ts|~ts~n", ["λx", <<"λx"/utf8>>]),
    io:format("~s|~n", [[233, 234]]),
    io:format("~p~n", [io_lib:printable_list([955])]),
    io:format("~p~n", [io_lib:printable_unicode_list([955])]),
    io:format("~p~n", [io_lib:printable_latin1_list([233, 10])]),
    io:format("~p~n", [io_lib:printable_list([233, 0])]),
    io:format("~p~n", [io:printable_range()]),
    io:format("~w~n", [lists:flatten(io_lib:format("~tp", [[955]]))]),
    io:format("~w~n", [lists:flatten(io_lib:format("~p", [[955]]))]),
    io:format("~w~n", [io_lib:format("~ts", [<<"λ"/utf8>>])]),
    ok.
