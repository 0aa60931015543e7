-module(bin_part_shared).
-export([main/0]).
main() ->
    io:format("~p~n", [[binary:part(<<"hello">>, 1, 3), binary:part(<<"hello">>, {5, -2}), binary_part(<<"hello">>, 0, 2)]]),
    {'EXIT', {R, [F | _]}} = (catch binary:part(<<"hi">>, 1, 5)),
    io:format("~p ~p~n", [R, element(1, F)]),
    io:format("~p~n", [catch bar(<<1>>)]).
bar(B) when binary_part(B, 0, 2) =:= <<>> -> yes; bar(_) -> no.
