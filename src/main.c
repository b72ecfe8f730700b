/* jaringkata entry point (under construction). */
#include <stdio.h>

int main(void)
{
    puts("jaringkata " JK_VERSION);
    return 0;
}
