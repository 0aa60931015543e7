-module(bif_iovec).
-export([main/0]).

%% erlang:iolist_to_iovec/1: which pieces are merged and which are passed
%% through, for inputs small enough that the result does not depend on
%% reductions, and the badargs.

main() ->
    A100 = binary:copy(<<"a">>, 100),
    C70 = binary:copy(<<"c">>, 70),
    B300 = binary:copy(<<"b">>, 300),
    B500 = binary:copy(<<"d">>, 500),
    <<_:8, Sub/binary>> = B300,
    Cases = [[], <<>>, [<<>>], [[], [[]]], "abc", [<<"ab">>, "cd", [[$e]], <<"f">>], <<"xyz">>,
             [1 | <<"tail">>], [A100], [A100, "b", C70], [binary:copy(<<"a">>, 10), C70],
             [B300], ["x", B300], [B300, "y"], [A100, B300], [A100, B500], [B300, B500],
             [C70, C70, C70, C70], [B300, B300], [Sub], ["q", Sub, "r"],
             [lists:duplicate(300, $z)], [lists:duplicate(300, $z), B300],
             [<<"h">> | <<"t">>], [[[[[<<"deep">>]]]], "er"],
             [lists:duplicate(5000, $z) || _ <- [1, 2, 3]],
             [lists:duplicate(100, $z) || _ <- lists:seq(1, 200)],
             [binary:copy(<<"w">>, 100) || _ <- lists:seq(1, 200)],
             [binary:copy(<<"v">>, 255), B300, <<"u">>, B500, C70]],
    [io:format("~p~n", [[{byte_size(B), binary:first(B), binary:last(B)}
                         || B <- erlang:iolist_to_iovec(C)]]) || C <- Cases],
    io:format("~p~n", [[iolist_to_binary(erlang:iolist_to_iovec(C)) =:= iolist_to_binary(C) || C <- Cases]]),
    io:format("~p~n", [[lists:all(fun is_binary/1, erlang:iolist_to_iovec(C)) || C <- Cases]]),
    Bad = [x, 1, [256], [-1], [a], <<1:3>>, [<<1:3>>], [1 | x], [[1 | 2]], [<<>> | x], [1.0],
           {<<"a">>}, [{}]],
    [io:format("~p -> ~p~n", [B, t(fun() -> erlang:iolist_to_iovec(B) end)]) || B <- Bad],
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
