-module(bin_utf).
-export([main/0]).

%% utf8/utf16/utf32 segments, both byte orders, construction and matching, errors.

main() ->
    Cs = [0, $A, 127, 128, 233, 2047, 2048, 16#FFFD, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF],
    [io:format("~.16B: ~w ~w ~w ~w ~w~n",
               [C, <<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<C/utf32-little>>]) || C <- Cs],
    S = [$h, 233, 955, 16#1F600, $!],
    U8 = << <<C/utf8>> || C <- S >>,
    U16 = << <<C/utf16>> || C <- S >>,
    U32L = << <<C/utf32-little>> || C <- S >>,
    io:format("~w~n~w~n~w~n", [[C || <<C/utf8>> <= U8], [C || <<C/utf16>> <= U16], [C || <<C/utf32-little>> <= U32L]]),
    <<First/utf8, Rest/binary>> = U8,
    io:format("~w ~w~n", [First, Rest]),
    io:format("~p~n", [[t(fun() -> <<(id(C))/utf8>> end) || C <- [-1, 16#D800, 16#DFFF, 16#110000, a]]]),
    io:format("~p~n", [[t(fun() -> <<(id(C))/utf16>> end) || C <- [16#D800, 16#110000]]]),
    io:format("~p~n", [[t(fun() -> <<(id(C))/utf32>> end) || C <- [16#D800, 16#110000]]]),
    Bad = [<<16#C0, 16#80>>, <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>, <<16#80>>, <<16#E2, 16#82>>, <<255>>],
    [io:format("~w -> ~p~n", [B, case B of <<C0/utf8, _/bits>> -> C0; _ -> nomatch end]) || B <- Bad],
    io:format("~p~n", [case <<16#D800:16>> of <<C4/utf16>> -> C4; _ -> nomatch end]),
    io:format("~p~n", [case <<16#D83D:16, 16#DE00:16>> of <<C5/utf16>> -> C5; _ -> nomatch end]),
    io:format("~p~n", [case <<16#110000:32>> of <<C6/utf32>> -> C6; _ -> nomatch end]),
    io:format("~p~n", [<<"abc"/utf16>>]),
    io:format("~p~n", [<<"é"/utf32-little>>]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
